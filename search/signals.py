"""Signal receivers: record what to reindex in the outbox, in the writer's transaction,
and ask a worker to drain it once the transaction commits; while a configured engine
is away, refresh the database's entries at once."""

import logging

from django.conf import settings
from django.db import transaction

from search.client import es_available
from search.dependencies import documents_affected_by
from search.indexing import search_entries_refresh, search_outbox_mark

logger = logging.getLogger(__name__)


# A change touching more documents than this (an institute renamed) is left to the
# outbox drain, which refreshes the database's entries too, outside the request.
SYNC_REFRESH_MAX = 200


def record_change(sender, instance, **kwargs) -> None:
    items = documents_affected_by(instance)
    # The drain after commit writes the database's search entries, and the index if
    # there is one. While a configured engine is away, the database answers: its
    # entries follow the change at once, in the writer's transaction.
    if (
        settings.ELASTICSEARCH_URL
        and len(items) <= SYNC_REFRESH_MAX
        and not es_available()
    ):
        search_entries_refresh(items=items)
    search_outbox_mark(items=items)
    transaction.on_commit(_request_drain)


def _request_drain() -> None:
    from search.tasks import search_outbox_drain_task

    try:
        search_outbox_drain_task.delay()
    except Exception:  # broker down, or an eager run failing: the outbox keeps it all
        logger.warning(
            "search outbox drain not started now; the periodic task will", exc_info=True
        )
