"""Writing an import's valid rows in batches: `bulk_create` for new records,
`bulk_update` for changed ones, tags and child rows in bulk too.

Bulk writes send no `post_save`: each batch sends `records_bulk_saved` once per
model instead, which the audit log and the search outbox receive. A batch the
database refuses is written again row by row, each in its own savepoint, so that
the report names the row at fault (the import is rolled back either way).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.db.models import Model, Q
from django.utils import timezone
from taggit.models import Tag

from portal.core.bulk import records_bulk_saved

# Rows per batch: a few INSERTs of this size cost little more than one, and a
# batch refused by the database is replayed row by row, which stays quick.
BATCH_SIZE = 500


@dataclass
class PendingRow:
    """What one valid row writes: its records (in write order), tags and provenance."""

    number: int
    # (instance, is_new, before: changed field attnames → old values)
    records: list[tuple[Model, bool, dict]] = field(default_factory=list)
    # (record, tag field name, names): the record's whole set of tags
    tags: list[tuple[Model, str, list[str]]] = field(default_factory=list)
    # (record, many-to-many field name, wanted pks, current pks)
    links: list[tuple[Model, str, set[int], set[int]]] = field(default_factory=list)
    # (record, outcome), noted once the record has its pk
    provenance: list[tuple[Model, str]] = field(default_factory=list)


class BatchWriter:
    """Collects valid rows and writes them `BATCH_SIZE` at a time."""

    def __init__(
        self,
        *,
        on_provenance: Callable[[Model, str], None],
        on_error: Callable[[int, str], None],
    ) -> None:
        self.on_provenance, self.on_error = on_provenance, on_error
        self.pending: list[PendingRow] = []
        self.current: PendingRow | None = None

    def row_start(self, number: int) -> None:
        self.current = PendingRow(number)

    def row_end(self, *, written: bool) -> None:
        row, self.current = self.current, None
        if written and row and (row.records or row.tags or row.links or row.provenance):
            self.pending.append(row)
            if len(self.pending) >= BATCH_SIZE:
                self.flush()

    def record(self, instance: Model, *, is_new: bool, before: dict) -> None:
        self.current.records.append((instance, is_new, before))

    def tags(self, instance: Model, name: str, names: list[str]) -> None:
        self.current.tags.append((instance, name, names))

    def links(
        self, instance: Model, name: str, *, wanted: set[int], current: set[int]
    ) -> None:
        """Set a many-to-many field of `instance` (`current`: its links today)."""
        self.current.links.append((instance, name, wanted, current))

    def provenance(self, instance: Model, outcome: str) -> None:
        self.current.provenance.append((instance, outcome))

    def flush(self) -> None:
        """Write every pending row; a refused batch is replayed row by row."""
        rows, self.pending = self.pending, []
        if not rows:
            return
        try:
            with transaction.atomic():
                _write(rows)
        except IntegrityError:
            _forget_pks(rows)
            for row in rows:
                try:
                    with transaction.atomic():
                        _write([row])
                except IntegrityError as error:
                    _forget_pks([row])
                    self.on_error(row.number, str(error).strip())
        for row in rows:
            for instance, outcome in row.provenance:
                if instance.pk is not None:
                    self.on_provenance(instance, outcome)


def _write(rows: list[PendingRow]) -> None:
    created: dict[type[Model], list[Model]] = defaultdict(list)
    updated: dict[type[Model], list[tuple[Model, dict]]] = defaultdict(list)
    for row in rows:
        for instance, is_new, before in row.records:
            if is_new:
                created[type(instance)].append(instance)
            else:
                updated[type(instance)].append((instance, before))
    # Models in the order rows name them: a person before its memberships.
    models = list(
        dict.fromkeys(type(record) for row in rows for record, *_ in row.records)
    )
    for model in models:
        if created[model]:
            model._base_manager.bulk_create(created[model])
        changes = [(instance, before) for instance, before in updated[model] if before]
        if changes:
            _bulk_update(model, changes)
    _tags_write([tag for row in rows for tag in row.tags])
    links = _links_write([link for row in rows for link in row.links])
    for model in models:
        records_bulk_saved.send(
            sender=model,
            created=created[model],
            updated=updated[model],
            links=links.get(model, []),
        )


def _links_write(links) -> dict[type[Model], list[tuple[Model, str, set, set]]]:
    """Many-to-many links added and removed through the `through` model, in one
    DELETE and one INSERT per field; returns (record, field, added, removed)."""
    done = defaultdict(list)
    by_field = defaultdict(list)
    for record, name, wanted, current in links:
        by_field[(type(record), name)].append((record, wanted, current))
    for (model, name), changes in by_field.items():
        m2m = model._meta.get_field(name)
        through = m2m.remote_field.through
        source, target = m2m.m2m_field_name(), m2m.m2m_reverse_field_name()
        removed = [
            (record.pk, pk)
            for record, wanted, current in changes
            for pk in current - wanted
        ]
        if removed:
            pairs = Q()
            for record_pk, pk in removed:
                pairs |= Q(**{f"{source}_id": record_pk, f"{target}_id": pk})
            through._base_manager.filter(pairs).delete()
        through._base_manager.bulk_create(
            through(**{f"{source}_id": record.pk, f"{target}_id": pk})
            for record, wanted, current in changes
            for pk in sorted(wanted - current)
        )
        done[model] += [
            (record, name, wanted - current, current - wanted)
            for record, wanted, current in changes
        ]
    return done


def _bulk_update(model: type[Model], changes: list[tuple[Model, dict]]) -> None:
    attnames = {name for _instance, before in changes for name in before}
    names = [f.name for f in model._meta.concrete_fields if f.attname in attnames]
    if any(f.name == "updated_at" for f in model._meta.concrete_fields):
        # `bulk_update` skips `auto_now`: the time a single save would have set.
        now = timezone.now()
        for instance, _before in changes:
            instance.updated_at = now
        names.append("updated_at")
    model._base_manager.bulk_update([instance for instance, _ in changes], names)


def _tags_write(tags: list[tuple[Model, str, list[str]]]) -> None:
    """Replace each record's tags: missing tags created, links in one INSERT."""
    if not tags:
        return
    wanted = {name for _record, _field, names in tags for name in names}
    known = {tag.name: tag for tag in Tag.objects.filter(name__in=wanted)}
    for name in sorted(wanted - set(known)):
        known[name] = Tag.objects.create(name=name)  # taggit makes the slug unique
    by_through: dict[type[Model], list] = defaultdict(list)
    for record, field_name, names in tags:
        through = record._meta.get_field(field_name).through
        by_through[through].append((record, names))
    for through, links in by_through.items():
        through._base_manager.filter(
            content_object__in=[record.pk for record, _names in links]
        ).delete()
        through._base_manager.bulk_create(
            through(content_object=record, tag=known[name])
            for record, names in links
            for name in dict.fromkeys(names)
        )


def _forget_pks(rows: list[PendingRow]) -> None:
    """After a rolled-back savepoint, new records are new again."""
    for row in rows:
        for instance, is_new, _before in row.records:
            if is_new:
                instance.pk = None
                instance._state.adding = True
