"""The monthly snapshot task, scheduled by Celery beat (`CELERY_BEAT_SCHEDULE`)."""

from celery import shared_task
from django.db import OperationalError

from projects.dashboard import snapshots


@shared_task(
    bind=True,
    name="projects.dashboard.tasks.indicator_snapshot_take",
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=3,
)
def indicator_snapshot_take(self, month: str | None = None) -> str:
    """Snapshot the indicators for `month` ("YYYY-MM", default: the month just ended).

    Idempotent: one snapshot per month, a second run replaces the first.
    """
    snapshot = snapshots.indicator_snapshot_record(
        month=snapshots.parse_month(month) if month else None
    )
    return str(snapshot)
