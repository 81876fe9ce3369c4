"""Signal receivers: record what to reindex in the outbox, in the writer's transaction,
and ask a worker to drain it once the transaction commits. Nothing else."""

from django.conf import settings

from portal.core.queue import task_enqueue
from search.dependencies import documents_affected_by
from search.indexing import search_outbox_mark


def record_change(sender, instance, **kwargs) -> None:
    if not settings.ELASTICSEARCH_URL:
        return  # the database fallback reads the tables directly: nothing to queue
    search_outbox_mark(items=documents_affected_by(instance))
    from search.tasks import search_outbox_drain_task

    # Not durable: the outbox rows are the record; if the broker is down, the
    # periodic drain applies them.
    task_enqueue(search_outbox_drain_task, durable=False)
