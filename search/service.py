"""Search, whichever engine answers: Elasticsearch when it is configured and answers,
the database's own engine otherwise (PostgreSQL, or SQLite on the embedded default).
This module only chooses the backend (search/backends/) and handles its failure,
once; callers (page, API, project pages) only see the contract's shapes."""

import logging
from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from elasticsearch import ApiError, TransportError

from search.backends import database_backend
from search.backends.base import EngineUnavailable, SearchBackend
from search.backends.elasticsearch import ElasticsearchBackend
from search.client import es_available, es_mark_down, es_mark_up
from search.contract import TYPES, SearchHit, SearchRequest, SearchResponse

logger = logging.getLogger(__name__)
ENGINE_ERRORS = (TransportError, ApiError, EngineUnavailable)
Answer = TypeVar("Answer")


def _answer(ask: Callable[[SearchBackend], Answer]) -> tuple[Answer, bool]:
    """The answer of Elasticsearch if it gives one, else of the database; and
    whether a configured engine failed (the page says so)."""
    if es_available():
        try:
            answer = ask(ElasticsearchBackend())
        except ENGINE_ERRORS:
            logger.warning(
                "Elasticsearch failed; answering from the database", exc_info=True
            )
            es_mark_down()
        else:
            es_mark_up()
            return answer, False
    return ask(database_backend()), bool(settings.ELASTICSEARCH_URL)


def search_execute(*, request: SearchRequest) -> SearchResponse:
    """Run a search; never raises for an engine failure, answering from the database."""
    response, degraded = _answer(lambda backend: backend.search(request))
    response.degraded = degraded
    return response


def suggest_execute(*, prefix: str) -> list[dict]:
    """Up to eight names matching `prefix` (the last word started), any type, for the
    header search box: what the search itself finds for these words."""
    if len(prefix.strip()) < 2:
        return []
    hits, _degraded = _answer(lambda backend: backend.suggest(prefix.strip(), size=8))
    return [
        {
            "type": hit.type,
            "type_label": str(TYPES[hit.type]),
            "label": hit.label,
            "url": hit.url,
        }
        for hit in hits
    ]


def similar_projects(*, project) -> list[SearchHit]:
    """Published projects like this one: by text in the index, else by shared domains
    and techniques."""
    hits, _degraded = _answer(lambda backend: backend.similar(project))
    return hits
