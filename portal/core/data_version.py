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
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, TypeVar

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import IntegerField, QuerySet, Value
from django.utils import translation

T = TypeVar("T")

# One part of a version: a queryset and the aggregates to read from it
# (`{"count": Count("pk"), "changed": Max("updated_at")}`), or fixed values
# (`{"day": date.today()}`).
VersionPart = tuple[QuerySet, Mapping[str, Any]] | Mapping[str, Any]


def data_version(parts: Iterable[VersionPart]) -> str:
    """A fingerprint of the data: it changes with every edit the parts see.

    The aggregates of every part are read in one statement (a cross join of
    one-row subqueries): a cached page that checks its version on each request
    pays one round trip, not one per table."""
    parts = list(parts)
    aggregated = _aggregate_together([p for p in parts if isinstance(p, tuple)])
    values = []
    for part in parts:
        if isinstance(part, tuple):
            part = next(aggregated)
        values.append(sorted(part.items()))
    return repr(values)


def _one_row(queryset: QuerySet, aggregates: Mapping[str, Any]) -> QuerySet:
    """The aggregates as a one-row queryset (a constant "group" adds no GROUP BY)."""
    return (
        queryset.order_by()
        .annotate(_whole=Value(1, output_field=IntegerField()))
        .values("_whole")
        .annotate(**aggregates)
        .values(*aggregates)
    )


def _aggregate_together(
    parts: list[tuple[QuerySet, Mapping[str, Any]]],
) -> Iterator[dict]:
    if not parts:
        return iter(())
    aliases = {queryset.db for queryset, _aggregates in parts}
    try:
        if len(aliases) != 1:
            raise EmptyResultSet  # several databases: one statement each
        selects, params = [], []
        for index, (queryset, aggregates) in enumerate(parts):
            query = _one_row(queryset, aggregates).query
            sql, part_params = query.get_compiler(using=queryset.db).as_sql()
            selects.append(f"({sql}) AS version_part_{index}")
            params += part_params
    except EmptyResultSet:  # a part that can match nothing (`.none()`)
        return iter(qs.aggregate(**aggregates) for qs, aggregates in parts)
    with connections[aliases.pop()].cursor() as cursor:
        cursor.execute("SELECT * FROM " + " CROSS JOIN ".join(selects), params)
        row = iter(cursor.fetchone())
    return iter(
        {name: next(row) for name in aggregates} for _queryset, aggregates in parts
    )


def version_memoised(
    *, namespace: str, seconds: float, compute: Callable[[], str]
) -> str:
    """`compute()` (a data version), shared through the cache for `seconds`.

    A version reads whole tables: a few milliseconds on the demo data, but 0.1 s and
    more at 100,000 projects, which a cached page would pay on every request. Read at
    most once per `seconds` for all processes, it lets an edit show that much later;
    0 reads it every time."""
    if seconds <= 0:
        return compute()
    key = f"{namespace}:version"
    version = cache.get(key)
    if version is None:
        version = compute()
        cache.set(key, version, seconds)
    return version


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
