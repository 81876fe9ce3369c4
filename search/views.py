"""The search page and the autocomplete endpoint; both call search/service.py."""

import math
from dataclasses import replace

from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from portal.core.language_paths import localized_path
from search.contract import FACET_NAMES, FACETS, SORTS, TYPES
from search.forms import SearchForm
from search.service import search_execute, suggest_execute


@require_GET
def search_page(request):
    form = SearchForm(request.GET)
    context = {"form": form, "types": TYPES, "sorts": SORTS}
    if form.is_valid():
        # The page shows every facet and the hits per type: it counts them all.
        search_request = replace(form.to_request(), facets=frozenset(FACET_NAMES))
        response = search_execute(request=search_request)
        pages = math.ceil(min(response.total, 10000) / search_request.page_size)
        context.update(
            search=search_request,
            response=response,
            facets=[
                (name, FACETS[name][1], response.facets.get(name, []))
                for name in FACETS
            ],
            type_facet=response.facets.get("type", []),
            page_numbers=_page_window(search_request.page, pages),
            last_page=pages,
        )
    return render(request, "search/search_page.html", context)


@require_GET
def suggestions(request):
    suggestions = suggest_execute(prefix=request.GET.get("q", "")[:100])
    # Paths in the language of the page that asks (/en/recherche/suggestions/).
    for suggestion in suggestions:
        suggestion["url"] = localized_path(suggestion["url"])
    return JsonResponse({"suggestions": suggestions})


def _page_window(current: int, last: int, width: int = 2) -> list[int]:
    return list(range(max(1, current - width), min(last, current + width) + 1))
