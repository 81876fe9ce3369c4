"""The signal a bulk write sends, since `bulk_create` and `bulk_update` send none.

A writer that saves many records at once (the bulk import) sends `records_bulk_saved`
once per model and batch; the audit log and the search outbox receive it, as they
receive `post_save` for single saves. It lives in the foundation so that a lower
layer may send it without importing the higher ones that listen.
"""

from django.dispatch import Signal

# sender: the model; created: the new instances (with their pks); updated: pairs of
# (instance, before), `before` mapping each changed field's attname to its old
# value (empty when only a relation of the record changed); links: tuples of
# (instance, many-to-many field name, pks added, pks removed).
records_bulk_saved = Signal()
