"""Celery tasks of search; they only call search/indexing.py."""

from celery import shared_task
from elasticsearch import ConnectionError as ElasticsearchConnectionError
from elasticsearch import TransportError

from search.indexing import IndexNotBuilt, search_outbox_drain


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
    try:
        report = search_outbox_drain()
    except IndexNotBuilt:
        return 0  # `search_index rebuild` will index everything, outbox included
    return report.indexed + report.deleted
