"""The Celery task that applies the matching tables' pending marks."""

from celery import shared_task

from search.matching.refresh import matching_pending_apply


@shared_task(ignore_result=True)
def matching_tables_refresh_task() -> int:
    """Recompute the rows of every project and team marked since; how many."""
    return matching_pending_apply(limit=None)
