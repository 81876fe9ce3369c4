"""Records of a higher layer shown by a lower layer, in one agreed way.

A team page (registry) lists the team's projects (projects) and its similar teams
(search), and a person's API resource can expand their projects; yet registry may
import neither projects nor search. So the higher app provides them: in its
`AppConfig.ready()` it registers a provider for the page, or an expansion for the
serializer, here; the lower view merges whatever was registered without knowing who
registered it.

    # projects/apps.py, in ready()
    related.register_page("team_detail", team_projects_context)
    # registry/views.py
    context.update(related.page_context("team_detail", team=team, request=request))

A page with no provider gets nothing (its template shows its empty state).
"""

from collections import defaultdict
from collections.abc import Callable
from typing import Any

PageProvider = Callable[..., dict[str, Any]]

_page_providers: dict[str, list[PageProvider]] = defaultdict(list)


def register_page(page: str, provider: PageProvider) -> PageProvider:
    """Add `provider(**objects) -> context` to `page`; registering twice is harmless
    (`ready()` may run more than once in tests)."""
    if provider not in _page_providers[page]:
        _page_providers[page].append(provider)
    return provider


def page_context(page: str, **objects: Any) -> dict[str, Any]:
    """The context every provider of `page` gives for these objects, merged."""
    context: dict[str, Any] = {}
    for provider in _page_providers[page]:
        context.update(provider(**objects))
    return context


def register_expansion(serializer_class: type, name: str, expansion: Any) -> None:
    """Let `?expand=<name>` on a lower layer's API resource load higher records.

    `serializer_class` is an `ExpandableSerializerMixin` serializer; its class-level
    `expansions` is copied, never mutated in place, so a parent class keeps its own.
    """
    serializer_class.expansions = {**serializer_class.expansions, name: expansion}


QueryProvider = Callable[[Any], Any]

_query_providers: dict[str, list[QueryProvider]] = defaultdict(list)


def register_queryset(page: str, provider: QueryProvider) -> QueryProvider:
    """Add `provider(queryset) -> queryset` to `page`: how a higher app annotates or
    prefetches its records onto a lower page's rows, in the same few queries."""
    if provider not in _query_providers[page]:
        _query_providers[page].append(provider)
    return provider


def page_queryset(page: str, queryset: Any) -> Any:
    """`queryset` with what every provider of `page` adds to it."""
    for provider in _query_providers[page]:
        queryset = provider(queryset)
    return queryset
