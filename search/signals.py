"""Signal receivers: record what to reindex in the outbox, in the writer's transaction,
and ask a worker to drain it once the transaction commits. Nothing else."""

import logging

from django.conf import settings
from django.db import transaction

from search.dependencies import documents_affected_by, documents_affected_by_many
from search.indexing import search_outbox_mark

logger = logging.getLogger(__name__)


def record_change(sender, instance, **kwargs) -> None:
    if not settings.ELASTICSEARCH_URL:
        return  # the database fallback reads the tables directly: nothing to queue
    search_outbox_mark(items=documents_affected_by(instance))
    transaction.on_commit(_request_drain)


def record_bulk_change(sender, created=(), updated=(), **kwargs) -> None:
    """A bulk write (`portal.core.bulk.records_bulk_saved`): one outbox row per
    document, in one INSERT."""
    if not settings.ELASTICSEARCH_URL:
        return
    instances = [*created, *(instance for instance, _before in updated)]
    search_outbox_mark(items=documents_affected_by_many(sender, instances))
    transaction.on_commit(_request_drain)


def _request_drain() -> None:
    from search.tasks import search_outbox_drain_task

    try:
        search_outbox_drain_task.delay()
    except Exception:  # broker down, or an eager run failing: the outbox keeps it all
        logger.warning(
            "search outbox drain not started now; the periodic task will", exc_info=True
        )
