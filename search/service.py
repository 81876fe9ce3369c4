"""Search, whichever engine answers: Elasticsearch when it is there, the database
otherwise. Callers (page, API, project pages) only see the contract's shapes."""

import logging

from django.utils.safestring import mark_safe
from elasticsearch import ApiError, TransportError

from projects.selectors import project_similar_by_taxonomy
from search.client import es_available, es_client, es_mark_down
from search.contract import FACETS, TYPES, SearchHit, SearchRequest, SearchResponse
from search.facets import facet_values
from search.fallback import fallback_search, highlight
from search.queries import search_query, similar_projects_query, suggest_query

logger = logging.getLogger(__name__)
ENGINE_ERRORS = (TransportError, ApiError)


def search_execute(*, request: SearchRequest) -> SearchResponse:
    """Run a search; never raises for an engine failure, answering from the database."""
    if es_available():
        try:
            return _elasticsearch(request)
        except ENGINE_ERRORS:
            logger.warning(
                "Elasticsearch failed; answering from the database", exc_info=True
            )
            es_mark_down()
    return fallback_search(request)


def _elasticsearch(request: SearchRequest) -> SearchResponse:
    result = search_query(request).using(es_client()).execute()
    hits = [_hit(hit, request) for hit in result.hits]
    facets = {}
    aggregations = result.aggregations.to_dict()
    for name in [*FACETS, "type"]:
        buckets = aggregations[name]["values"]["buckets"]
        selected = request.types if name == "type" else request.filters.get(name, [])
        facets[name] = facet_values(
            name, [(str(b["key"]), b["doc_count"]) for b in buckets], selected
        )
    last = (
        result.hits[-1].meta.sort
        if result.hits and len(hits) == request.page_size
        else None
    )
    return SearchResponse(
        hits=hits,
        total=result.hits.total.value,
        facets=facets,
        took_ms=result.took,
        engine="elasticsearch",
        next_search_after=list(last) if last else None,
    )


def _hit(hit, request: SearchRequest) -> SearchHit:
    fragments = getattr(hit.meta, "highlight", None)
    if fragments:
        snippet = next(iter(fragments.to_dict().values()))[0]
    else:
        source = hit.to_dict()
        text = source.get("summary") or source.get("body") or ""
        snippet = highlight(text[:240], request.query)
    return SearchHit(
        type=hit.type,
        pk=hit.pk,
        url=hit.url,
        label=hit.label,
        snippet=mark_safe(snippet),
        score=hit.meta.score,
    )


def suggest_execute(*, prefix: str) -> list[dict]:
    """Up to eight names starting with `prefix`, any type, for the header search box."""
    if len(prefix.strip()) < 2:
        return []
    hits = None
    if es_available():
        try:
            hits = suggest_query(prefix.strip()).using(es_client()).execute().hits
        except ENGINE_ERRORS:
            es_mark_down()
    if hits is None:
        hits = fallback_search(SearchRequest(query=prefix, page_size=8)).hits
    # Engine hits and fallback SearchHits both carry type, label and url.
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
    if es_available():
        try:
            response = similar_projects_query(project.pk).using(es_client()).execute()
            return [
                SearchHit(
                    type="project", pk=hit.pk, url=hit.url, label=hit.label, snippet=""
                )
                for hit in response.hits
            ]
        except ENGINE_ERRORS:
            es_mark_down()
    return [
        SearchHit(
            type="project", pk=p.pk, url=p.get_absolute_url(), label=str(p), snippet=""
        )
        for p in project_similar_by_taxonomy(project=project)
    ]
