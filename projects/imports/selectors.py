"""Reads of import data: where a record comes from."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model

from projects.imports.models import ImportedRecord


def record_provenance(*, record: Model) -> ImportedRecord | None:
    """The import provenance of a record, or None if no import wrote it."""
    return (
        ImportedRecord.objects.filter(
            content_type=ContentType.objects.get_for_model(record),
            object_id=record.pk,
        )
        .select_related("created_by_run", "updated_by_run")
        .first()
    )
