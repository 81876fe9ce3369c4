"""Caches keyed by a version of the data they were computed from.

The version is read from the database itself (counts and latest changes of the
tables a computation reads) rather than a counter bumped by signals: bulk imports,
queryset updates and Wagtail's unpublish (which saves with `update_fields`, leaving
`updated_at` alone) bypass signals, but not a few cheap aggregate queries. What the
version misses (a team's tutelles, a dataset's kind) the caller's timeout bounds.
The dashboard's indicators and team matching both cache this way.

Foundation layer: callers pass their querysets and aggregates; imports no app.
"""

import hashlib
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

from django.core.cache import cache
from django.db.models import QuerySet
from django.utils import translation

T = TypeVar("T")

# One part of a version: a queryset and the aggregates to read from it
# (`{"count": Count("pk"), "changed": Max("updated_at")}`), or fixed values
# (`{"day": date.today()}`).
VersionPart = tuple[QuerySet, Mapping[str, Any]] | Mapping[str, Any]


def data_version(parts: Iterable[VersionPart]) -> str:
    """A fingerprint of the data: it changes with every edit the parts see."""
    values = []
    for part in parts:
        if isinstance(part, tuple):
            queryset, aggregates = part
            part = queryset.aggregate(**aggregates)
        values.append(sorted(part.items()))
    return repr(values)


def version_cached(
    *,
    namespace: str,
    key: str,
    version: str,
    compute: Callable[[], T],
    timeout: int | None,
) -> T:
    """`compute()`, served from the cache while the data version and the active
    language are unchanged."""
    fingerprint = "|".join([key, translation.get_language() or "", version])
    cache_key = f"{namespace}:" + hashlib.sha256(fingerprint.encode()).hexdigest()
    value = cache.get(cache_key)
    if value is None:
        value = compute()
        cache.set(cache_key, value, timeout)
    return value
