"""Signal receivers: they snapshot a row before its save and log what changed after.

The work (diffs, wording) is in `recorder`; these only wire the models to it.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from wagtail.models import Revision

from portal.audit import recorder
from portal.core.bulk import records_bulk_saved


def connect() -> None:
    for model in recorder.audited_models():
        uid = f"audit-{model._meta.label_lower}"
        pre_save.connect(recorder.snapshot_before_save, sender=model, dispatch_uid=uid)
        post_save.connect(recorder.log_save, sender=model, dispatch_uid=uid)
        post_delete.connect(recorder.log_delete, sender=model, dispatch_uid=uid)
        for field in model._meta.many_to_many:
            m2m_changed.connect(
                recorder.log_m2m_change,
                sender=field.remote_field.through,
                dispatch_uid=f"{uid}-{field.name}",
            )
    records_bulk_saved.connect(recorder.log_bulk_save, dispatch_uid="audit-bulk")
    post_save.connect(
        recorder.log_draft_revision, sender=Revision, dispatch_uid="audit-revision"
    )
