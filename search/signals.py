"""Signal receivers: record what to reindex in the outbox, in the writer's transaction,
and ask a worker to drain it once the transaction commits. When the database answers
searches (no engine configured, or the engine away), its search entries follow the
change at once, and again after commit."""

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.db import transaction

from portal.core.queue import task_enqueue
from search.client import es_available
from search.dependencies import documents_affected_by, documents_affected_by_many
from search.indexing import search_entries_refresh, search_outbox_mark

logger = logging.getLogger(__name__)

# A change touching more documents than this (an institute renamed) is left to the
# outbox drain, which refreshes the database's entries too, outside the request.
SYNC_REFRESH_MAX = 200
_deferred = 0


@contextmanager
def search_entries_deferred() -> Iterator[None]:
    """Bulk loads (seed_demo) skip per-row entry refreshes and rebuild once after."""
    global _deferred
    _deferred += 1
    try:
        yield
    finally:
        _deferred -= 1


def record_change(sender, instance, **kwargs) -> None:
    _record(documents_affected_by(instance))


def record_bulk_change(sender, created=(), updated=(), **kwargs) -> None:
    """A bulk write (`portal.core.bulk.records_bulk_saved`): the same as one save per
    record, with the affected documents found in a few queries for the batch."""
    instances = [*created, *(instance for instance, _before in updated)]
    _record(documents_affected_by_many(sender, instances))


def _record(items) -> None:
    engine_configured = bool(settings.ELASTICSEARCH_URL)
    at_once = len(items) <= SYNC_REFRESH_MAX and not _deferred
    if at_once and (not engine_configured or not es_available()):
        # Read-your-writes for the database engines: this row now; after commit,
        # what was saved after it (tags, relations of the same edit).
        search_entries_refresh(items=items)
        if not engine_configured:
            transaction.on_commit(lambda: _entries_refresh_after_commit(items))
            return
    if not engine_configured and _deferred:
        return
    search_outbox_mark(items=items)
    _request_drain()


def _entries_refresh_after_commit(items) -> None:
    try:
        search_entries_refresh(items=items)
    except Exception:  # the save succeeded; the outbox drain retries the entries
        logger.warning("search entries not refreshed; queued", exc_info=True)
        search_outbox_mark(items=items)
        _request_drain()


def _request_drain() -> None:
    from search.tasks import search_outbox_drain_task

    # Not durable: the outbox rows are the record; if the broker is down, the
    # periodic drain applies them.
    task_enqueue(search_outbox_drain_task, durable=False)
