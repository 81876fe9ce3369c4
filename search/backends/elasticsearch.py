"""Elasticsearch: the queries of search/queries.py, read into the contract's shapes.
Its index is written by search/indexing.py (outbox drain, versioned rebuilds)."""

from collections.abc import Iterable

from django.utils.safestring import mark_safe
from elasticsearch_dsl import Search

from search.backends.base import EngineUnavailable, SearchBackend
from search.client import es_client
from search.contract import (
    FACET_NAMES,
    FACETS,
    SearchHit,
    SearchRequest,
    SearchResponse,
)
from search.documents import DOCUMENTS
from search.facets import facets_labelled
from search.queries import (
    TYPO_PASS_BELOW,
    search_query,
    similar_projects_query,
    suggest_query,
)


class ElasticsearchBackend(SearchBackend):
    name = "elasticsearch"

    def search(self, request: SearchRequest) -> SearchResponse:
        result = _raw_search(search_query(request))
        if not result["_shards"]["total"]:  # no index of the searched types exists
            raise EngineUnavailable("no search index built yet")
        total = result["hits"]["total"]["value"]
        if request.query.strip() and total < TYPO_PASS_BELOW:
            # The words as written find little: again, tolerating typos.
            result = _raw_search(search_query(request, typos=True))
            total = result["hits"]["total"]["value"]
        raw_hits = result["hits"]["hits"]
        hits = [_hit(hit) for hit in raw_hits]
        last = (
            raw_hits[-1]["sort"]
            if raw_hits and len(hits) == request.page_size
            else None
        )
        return SearchResponse(
            hits=hits,
            total=total,
            facets=_facets(result.get("aggregations", {}), request),
            took_ms=result["took"],
            engine="elasticsearch",
            next_search_after=list(last) if last else None,
        )

    def suggest(self, prefix: str, *, size: int = 8) -> list[SearchHit]:
        hits = suggest_query(prefix, size=size).using(es_client()).execute().hits
        return [
            SearchHit(
                type=hit.type, pk=hit.pk, url=hit.url, label=hit.label, snippet=""
            )
            for hit in hits
        ]

    def similar(self, project, *, size: int = 4) -> list[SearchHit]:
        response = (
            similar_projects_query(project.pk, size=size).using(es_client()).execute()
        )
        return [
            SearchHit(
                type="project", pk=hit.pk, url=hit.url, label=hit.label, snippet=""
            )
            for hit in response.hits
        ]

    def refresh(
        self, search_type: str, documents: list[dict], removed: Iterable[int]
    ) -> None:
        """The outbox drain writes the index itself, with its retry bookkeeping
        (search/indexing.py)."""

    def rebuild(self) -> None:
        from search.indexing import index_rebuild

        for search_type in DOCUMENTS:
            index_rebuild(search_type=search_type)


def _facets(aggregations: dict, request: SearchRequest) -> dict:
    """The asked facets, labelled all at once from the process's label map."""
    if not request.facets:
        return {}
    counts = {
        name: [(str(b["key"]), b["doc_count"]) for b in _buckets(aggregations[name])]
        for name in FACET_NAMES
        if name in request.facets
    }
    selected = {name: request.filters.get(name, []) for name in FACETS}
    return facets_labelled(counts, {**selected, "type": request.types})


def _buckets(aggregation: dict) -> list[dict]:
    """A facet's buckets, under its filter when other facets are selected."""
    return aggregation.get("values", aggregation)["buckets"]


def _raw_search(search: Search) -> dict:
    """The engine's answer as the plain dict it is: elasticsearch-dsl's `Response`
    wraps every hit and aggregation in attribute objects we only read back (issue 15)."""
    return (
        es_client()
        .search(index=search._index, body=search.to_dict(), **search._params)
        .body
    )


def _hit(hit: dict) -> SearchHit:
    # A document with neither summary nor body has no fragment: no snippet.
    fragments = hit.get("highlight")
    snippet = next(iter(fragments.values()))[0] if fragments else ""
    source = hit["_source"]
    return SearchHit(
        type=source["type"],
        pk=source["pk"],
        url=source["url"],
        label=source["label"],
        snippet=mark_safe(snippet),
        score=hit["_score"],
    )
