"""A saved search is the /recherche/ query string; this module reads and writes it.

Paging parameters are dropped and the rest sorted, so that the same search saved by
two people is run once per digest.
"""

from dataclasses import replace

from django.http import QueryDict

from search.contract import FACETS, SearchRequest
from search.forms import SearchForm

KEPT_PARAMETERS = ("q", "type", "sort", *FACETS)


def saved_search_query_string(*, params: QueryDict) -> str:
    """The parameters worth keeping, in a stable order, empty values left out."""
    kept = QueryDict(mutable=True)
    for key in sorted(set(params) & set(KEPT_PARAMETERS)):
        values = sorted(value for value in params.getlist(key) if value.strip())
        if values:
            kept.setlist(key, values)
    return kept.urlencode()


def saved_search_form(*, query_string: str) -> SearchForm:
    """The search page's own form over the saved parameters: same validation."""
    return SearchForm(QueryDict(query_string))


def saved_search_request(*, query_string: str, page_size: int) -> SearchRequest | None:
    """The request a digest runs: projects only, title order (no scoring needed),
    or None when the saved parameters no longer validate."""
    form = saved_search_form(query_string=query_string)
    if not form.is_valid():
        return None
    return replace(
        form.to_request(), types=["project"], sort="title", page_size=page_size
    )
