"""Celery tasks of search; they only call search/indexing.py."""

from celery import shared_task
from elasticsearch import ConnectionError as ElasticsearchConnectionError
from elasticsearch import TransportError

from search.indexing import search_outbox_drain
from search.matching.tasks import matching_tables_refresh_task  # noqa: F401 (a task)


@shared_task(
    autoretry_for=(ElasticsearchConnectionError, TransportError),
    retry_backoff=True,
    retry_backoff_max=300,
    max_retries=8,
    # One drain at a time is enough; a periodic run picks up anything left.
    ignore_result=True,
)
def search_outbox_drain_task() -> int:
    """Index or delete every document waiting in the outbox; returns how many."""
    report = search_outbox_drain()
    return report.indexed + report.deleted
