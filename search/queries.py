"""Elasticsearch queries, as small functions returning elasticsearch-dsl `Search` objects.

Relevance: an exact match on an acronym or title ranks first, then phrases, then
words (with synonyms, at query time), then words with typos (longer words only).
Facets are counted the way people expect from multi-select filters: each facet's
counts apply every *other* selected filter, and hits apply them all (post_filter).
"""

from elasticsearch_dsl import A, Q, Search

from search.contract import FACETS, SearchRequest
from search.documents import DOCUMENTS

TEXT_FIELDS = [
    "acronym^6", "title^4", "title.en^2", "title_en^3", "keywords^2", "expertise^2",
    "summary^2", "body", "body_en", "names",
]  # fmt: skip
EXACT_FIELDS = ["acronym.exact^12", "title.exact^10", "keywords.exact^4",
                "expertise.exact^4"]  # fmt: skip
FUZZY_FIELDS = [
    "title.folded^3",
    "keywords.folded^2",
    "summary.folded",
    "body.folded",
    "expertise.folded",
    "names",
]
# Up to two words: all of them; more: three quarters.
MOST_WORDS = "2<75%"
FACET_SIZE = 50


def text_query(query: str) -> Q:
    if not query.strip():
        return Q("match_all")
    folded = query.strip().lower()
    return Q(
        "bool",
        should=[
            Q("multi_match", query=folded, fields=EXACT_FIELDS, type="best_fields"),
            Q(
                "multi_match",
                query=query,
                fields=["title^3", "summary", "body"],
                type="phrase",
                boost=2,
            ),
            # The words as typed, in order, without synonyms: an exact phrase (above
            # all in a title) ranks above a match reached through a synonym.
            Q(
                "multi_match",
                query=query,
                fields=["title.folded^3", "summary.folded", "body.folded"],
                type="phrase",
                boost=4,
            ),
            # Most words must match: one common word ("imagerie") is not enough.
            Q(
                "multi_match",
                query=query,
                fields=TEXT_FIELDS,
                type="cross_fields",
                operator="or",
                minimum_should_match=MOST_WORDS,
            ),
            # Typos: no synonyms on this clause (fuzzy and synonym graphs don't mix);
            # 1 edit from 5 letters, 2 from 9; first letter must match. The query is
            # folded, not stemmed, like the `.folded` words it is compared with.
            Q(
                "multi_match",
                query=query,
                fields=FUZZY_FIELDS,
                fuzziness="AUTO:5,9",
                prefix_length=1,
                # Each typo'd word expands to its 20 likeliest terms, not 50: the
                # cost of this clause grows with the index's vocabulary.
                max_expansions=20,
                analyzer="names",
                minimum_should_match=MOST_WORDS,
                boost=0.5,
            ),
        ],
        minimum_should_match=1,
    )


def facet_filter(name: str, values: list[str]) -> Q:
    field, _label = FACETS[name]
    return Q("terms", **{field: values})


def search_query(request: SearchRequest) -> Search:
    """Hits, highlights, facets and sort for a search page or API call."""
    indexes = [DOCUMENTS[t].alias() for t in (request.types or list(DOCUMENTS))]
    # A type whose index is not built yet (a new type before `search_index rebuild`)
    # is left out rather than failing the whole search.
    search = (
        Search(index=indexes)
        # The same search again (a page reloaded, facets clicked back) is answered
        # from the shards' cache until the next refresh changes the index.
        .params(ignore_unavailable=True, request_cache=True)
        .query(text_query(request.query))
    )
    active = {name: values for name, values in request.filters.items() if values}
    if active:
        search = search.post_filter(
            Q(
                "bool",
                filter=[facet_filter(name, values) for name, values in active.items()],
            )
        )
    for name, (field, _label) in FACETS.items():
        others = [
            facet_filter(other, values)
            for other, values in active.items()
            if other != name
        ]
        bucket = A("filter", Q("bool", filter=others) if others else Q("match_all"))
        bucket.bucket("values", "terms", field=field, size=FACET_SIZE)
        search.aggs.bucket(name, bucket)
    type_filters = [facet_filter(name, values) for name, values in active.items()]
    type_bucket = A(
        "filter", Q("bool", filter=type_filters) if type_filters else Q("match_all")
    )
    type_bucket.bucket("values", "terms", field="type", size=len(DOCUMENTS))
    search.aggs.bucket("type", type_bucket)
    # Highlights come from a plain match (no fuzzy expansion): most of the cost of
    # a search page is otherwise spent re-running the typo clause per fragment.
    highlight_on = Q(
        "multi_match", query=request.query or "*", fields=["summary", "body", "body_en"]
    )
    search = search.highlight_options(
        encoder="html",
        pre_tags=["<mark>"],
        post_tags=["</mark>"],
        fragment_size=180,
        number_of_fragments=1,
        no_match_size=180,
        highlight_query=highlight_on.to_dict(),
    ).highlight("summary", "body")
    search = search.source(["pk", "type", "url", "label", "summary", "body"])
    search = search.sort(*sort_clause(request.sort)).extra(track_total_hits=True)
    if request.search_after:
        return search.extra(search_after=request.search_after, size=request.page_size)
    return search[request.offset : request.offset + request.page_size]


def sort_clause(sort: str) -> list:
    tie_breaker = {"uid": "asc"}
    if sort == "date":
        return [
            {
                "start_date": {
                    "order": "desc",
                    "missing": "_last",
                    "unmapped_type": "date",
                }
            },
            {"updated_at": "desc"},
            tie_breaker,
        ]
    if sort == "title":
        return [{"sort_title": "asc"}, tie_breaker]
    return ["_score", {"sort_title": "asc"}, tie_breaker]


def suggest_query(prefix: str, *, size: int = 8) -> Search:
    """Autocomplete: names that start with what was typed, across all types."""
    indexes = [document.alias() for document in DOCUMENTS.values()]
    return (
        Search(index=indexes)
        .params(ignore_unavailable=True)
        .query(
            Q(
                "bool",
                must=[Q("match", suggest={"query": prefix, "operator": "and"})],
                should=[
                    Q("match_phrase_prefix", title={"query": prefix}),
                    Q("term", **{"acronym.exact": prefix.lower()}),
                ],
            )
        )
        .source(["pk", "type", "label", "url"])[:size]
    )


def similar_projects_query(project_pk: int, *, size: int = 4) -> Search:
    """Projects whose text, domains and techniques resemble this one's."""
    alias = DOCUMENTS["project"].alias()
    like = [{"_index": alias, "_id": str(project_pk)}]
    return (
        Search(index=alias)
        .query(
            Q(
                "more_like_this",
                fields=[
                    "title",
                    "summary",
                    "body",
                    "keywords",
                    "domains",
                    "techniques",
                ],
                like=like,
                min_term_freq=1,
                min_doc_freq=1,
                max_query_terms=40,
            )
        )
        .source(["pk", "type", "url", "label"])[:size]
    )
