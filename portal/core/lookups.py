"""`field__in=[…]` on integer columns, safe with numbers no column can hold.

Django already turns `pk=10**30` into "no row" (`IntegerFieldExact`), but not
`pk__in=[10**30]`: on SQLite that raises `OverflowError` (a 500 for
`?domain=999999999999999999999999999999` on every filtered page), on PostgreSQL
the value travels to the server for nothing. Such values cannot match a row, so
they are dropped before the query is built; an emptied list means no result.
Imported by `PortalConfig.ready()`, which registers it for every integer field
(primary keys included)."""

from django.db.models import IntegerField
from django.db.models.lookups import In


def _out_of_range(value, low, high) -> bool:
    return isinstance(value, int) and (
        (low is not None and value < low) or (high is not None and value > high)
    )


@IntegerField.register_lookup
class IntegerFieldIn(In):
    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value():
            low, high = connection.ops.integer_field_range(
                self.lhs.output_field.get_internal_type()
            )
            self.rhs = [v for v in self.rhs if not _out_of_range(v, low, high)]
        return super().process_rhs(compiler, connection)
