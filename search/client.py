"""The Elasticsearch connection, if one is configured, and whether it answers now."""

import logging
import time

from django.conf import settings
from elasticsearch import Elasticsearch
from elasticsearch_dsl import connections

logger = logging.getLogger(__name__)

# After a failed ping, requests use the fallback for this long before trying again:
# a dead cluster must not add a timeout to every page view.
DOWN_GRACE_SECONDS = 15
# A healthy answer is trusted this long, sparing a round trip per search; a query
# that fails meanwhile marks the engine down at once (es_mark_down).
UP_TRUST_SECONDS = 5
_last_failure = 0.0
_last_success = -UP_TRUST_SECONDS


def es_client() -> Elasticsearch | None:
    """The shared client, or None when no ELASTICSEARCH_URL is configured."""
    if not settings.ELASTICSEARCH_URL:
        return None
    try:
        return connections.get_connection("registre")
    except KeyError:
        return connections.create_connection(
            "registre",
            hosts=[settings.ELASTICSEARCH_URL],
            request_timeout=settings.SEARCH_TIMEOUT_SECONDS,
            max_retries=0,
            retry_on_timeout=False,
        )


def es_reset() -> None:
    """Forget the client (tests point it elsewhere) and any remembered state."""
    global _last_failure, _last_success
    _last_failure = 0.0
    _last_success = -UP_TRUST_SECONDS
    try:
        connections.remove_connection("registre")
    except KeyError:
        pass


def es_available() -> bool:
    """Whether Elasticsearch is configured and answered a ping recently."""
    global _last_failure, _last_success
    client = es_client()
    if client is None:
        return False
    now = time.monotonic()
    if now - _last_failure < DOWN_GRACE_SECONDS:
        return False
    if now - _last_success < UP_TRUST_SECONDS:
        return True
    try:
        # Cluster health, not ping: the minimal distribution has no "GET /" action.
        health = client.options(request_timeout=2).cluster.health()
        if health["status"] in ("green", "yellow"):
            _last_success = time.monotonic()
            return True
    except Exception:  # any transport failure means "not now"
        logger.warning(
            "Elasticsearch does not answer at %s", settings.ELASTICSEARCH_URL
        )
    _last_failure = time.monotonic()
    return False


def es_mark_down() -> None:
    global _last_failure, _last_success
    _last_failure = time.monotonic()
    _last_success = -UP_TRUST_SECONDS


def es_mark_up() -> None:
    """A search just answered: trusted for UP_TRUST_SECONDS more, as after a health
    check (a busy process otherwise sent one every UP_TRUST_SECONDS)."""
    global _last_success
    _last_success = time.monotonic()
