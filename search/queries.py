"""Elasticsearch queries, as small functions returning elasticsearch-dsl `Search` objects.

Relevance: an exact match on an acronym or title ranks first, then phrases, then
words (with synonyms, at query time). Words with typos (longer words only) are a
second pass, run when the words as written find little (`TYPO_PASS_BELOW`): at
100,000 projects the typo clause was the costliest after the main one, and widened
every query by the near-miss spellings of its words (issue 15).
Facets are counted only when asked (`SearchRequest.facets`), the way people expect
from multi-select filters: each facet's counts apply every *other* selected filter,
and hits apply them all (post_filter).
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
# Fewer hits than this for the words as written: search again, tolerating typos.
TYPO_PASS_BELOW = 10


def text_query(query: str, *, typos: bool = False) -> Q:
    """The words as written (with synonyms); `typos` adds the typo-tolerant clause."""
    if not query.strip():
        return Q("match_all")
    folded = query.strip().lower()
    should = [
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
    ]
    if typos:
        should.append(typo_clause(query))
    return Q("bool", should=should, minimum_should_match=1)


def typo_clause(query: str) -> Q:
    """No synonyms on this clause (fuzzy and synonym graphs don't mix); 1 edit from 5
    letters, 2 from 9; first letter must match. The query is folded, not stemmed,
    like the `.folded` words it is compared with."""
    return Q(
        "multi_match",
        query=query,
        fields=FUZZY_FIELDS,
        fuzziness="AUTO:5,9",
        prefix_length=1,
        # Each typo'd word expands to its 20 likeliest terms, not 50: the cost of
        # this clause grows with the index's vocabulary.
        max_expansions=20,
        analyzer="names",
        minimum_should_match=MOST_WORDS,
        boost=0.5,
    )


def facet_filter(name: str, values: list[str]) -> Q:
    field, _label = FACETS[name]
    return Q("terms", **{field: values})


def search_query(request: SearchRequest, *, typos: bool = False) -> Search:
    """Hits, highlights, the asked facets and sort for a search page or API call;
    `typos` for the second pass (see the module's docstring)."""
    indexes = [DOCUMENTS[t].alias() for t in (request.types or list(DOCUMENTS))]
    # A type whose index is not built yet (a new type before `search_index rebuild`)
    # is left out rather than failing the whole search.
    search = (
        Search(index=indexes)
        # The same search again (a page reloaded, facets clicked back) is answered
        # from the shards' cache until the next refresh changes the index.
        .params(ignore_unavailable=True, request_cache=True)
    )
    query = text_query(request.query, typos=typos)
    active = {name: values for name, values in request.filters.items() if values}
    selected = Q(
        "bool", filter=[facet_filter(name, values) for name, values in active.items()]
    )
    if not active:
        search = search.query(query)
    elif request.facets:
        # Each facet counts the hits before its own filter: the filters apply to
        # the hits only, after the aggregations.
        search = search.query(query).post_filter(selected)
    else:
        # No counts: the filters narrow the query itself (filter context, cached).
        search = search.query(Q("bool", must=[query], filter=selected.filter))
    _facet_aggregations(search, request.facets, active)
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
    # The snippet is the highlight (`no_match_size` gives the start of the text when
    # no word matches): the texts themselves need not travel.
    search = search.source(["pk", "type", "url", "label"])
    search = search.sort(*sort_clause(request.sort)).extra(track_total_hits=True)
    if request.search_after:
        return search.extra(search_after=request.search_after, size=request.page_size)
    return search[request.offset : request.offset + request.page_size]


def _facet_aggregations(
    search: Search, asked: frozenset[str], active: dict[str, list[str]]
) -> None:
    """The aggregations of the asked facets only: the others cost the engine a
    pass over every hit for counts nobody reads (issue 15)."""
    for name, (field, _label) in FACETS.items():
        if name not in asked:
            continue
        others = [
            facet_filter(other, values)
            for other, values in active.items()
            if other != name
        ]
        _facet_aggregation(search, name, field, others, size=FACET_SIZE)
    if "type" in asked:
        type_filters = [facet_filter(name, values) for name, values in active.items()]
        _facet_aggregation(search, "type", "type", type_filters, size=len(DOCUMENTS))


def _facet_aggregation(
    search: Search, name: str, field: str, filters: list[Q], *, size: int
) -> None:
    """The counts of a facet under `filters`; a plain terms aggregation when there
    are none (a filter on match_all cost a pass over every hit for nothing)."""
    terms = A("terms", field=field, size=size)
    if filters:
        bucket = A("filter", Q("bool", filter=filters))
        bucket.bucket("values", terms)
        search.aggs.bucket(name, bucket)
    else:
        search.aggs.bucket(name, terms)


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
