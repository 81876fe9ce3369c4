"""Anonymous list pages of the API, served rendered from the cache while the data
they were computed from are unchanged (portal/core/data_version.py).

A list page of 50 projects with expansions is the API's costliest read, and its
callers (harvesters, dashboards) ask for the same pages again and again. What is
cached is the rendered body, keyed by the absolute URL (host, scheme, filters,
cursor, expansions), the media type, the language and the data version, so an
edit shows once its transaction commits, and the timeout (`API_LIST_CACHE_SECONDS`)
only bounds what the version cannot see.
Signed-in requests are never cached nor served from the cache:
the public representation is the same for everyone today, but a viewset that one
day shows a signed-in user more must not leak it into, or out of, a shared cache.
The cache fails open (portal/core/cache.py): with Redis away, pages are computed.
"""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpResponse, HttpResponseBase
from rest_framework.response import Response

from portal.core.data_version import version_cached


class _NotCacheable(Exception):
    def __init__(self, response):
        self.response = response


def cached_page_response(
    view, request, *, version: str, compute: Callable[[], Response]
) -> HttpResponseBase:
    """The rendered response of `compute()`, from the cache while `version` holds.
    Only a 200 is cached: errors raise from `compute()` as usual, and any other
    status is returned as computed."""

    def render() -> tuple[bytes, str]:
        response = compute()
        if response.status_code != 200:
            raise _NotCacheable(response)
        renderer = request.accepted_renderer
        body = renderer.render(
            response.data,
            request.accepted_media_type,
            {"request": request, "response": response, "view": view},
        )
        content_type = renderer.media_type
        if renderer.charset:  # as DRF's Response does
            content_type += f"; charset={renderer.charset}"
        return bytes(body), content_type

    try:
        body, content_type = version_cached(
            namespace="api:list",
            key="|".join([request.build_absolute_uri(), request.accepted_media_type]),
            version=version,
            compute=render,
            timeout=settings.API_LIST_CACHE_SECONDS,
        )
    except _NotCacheable as not_cacheable:
        return not_cacheable.response
    return HttpResponse(body, content_type=content_type)


def is_cacheable(request) -> bool:
    """Anonymous reads, when pages are kept at all (`API_LIST_CACHE_SECONDS` 0
    computes every page without reading the data version)."""
    return (
        settings.API_LIST_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and not request.user.is_authenticated
    )
