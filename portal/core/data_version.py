"""Caches keyed by a version of the data they were computed from.

Two kinds of version. A *generation* (`generation_version`) is read in one indexed
query whatever the registry's size: each followed model has a token, drawn anew
after every commit that saves, deletes or bulk-writes one of its rows (its
`post_save`, `post_delete`, `m2m_changed` and `records_bulk_saved` signals), so
hot pages (the team page's matches, the home page's institutes, the dashboard)
check it on every request. A token is random rather than counted: a restored or
rolled-back table cannot bring back a version that named other data. What no
signal sees (a queryset `update()`, raw SQL) must call `generation_bump`; the
caller's timeout bounds what is missed.

A *data version* (`data_version`) reads counts and latest changes of tables: it
sees every write, signals or not, but aggregates whole tables (0.1 s at 100,000
projects), so it is memoised (`version_memoised`) where it serves pages.

Foundation layer: callers pass their models, querysets and aggregates; imports no app.
"""

import hashlib
import secrets
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, TypeVar

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db import connections, transaction
from django.db.models import IntegerField, Model, QuerySet, Value
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import translation

from portal.core.bulk import records_bulk_saved

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


# --- generations ---------------------------------------------------------------------

_followed: set[str] = set()


def _name(model: type[Model]) -> str:
    return model._meta.label_lower


def generation_follow(*models: type[Model]) -> None:
    """Draw a new generation of each model after every commit that writes it.

    Called from an AppConfig.ready(), so that every process follows before it
    writes. A many-to-many's through model (`Project.domains.through`) follows
    its links."""
    for model in models:
        name = _name(model)
        if name in _followed:
            continue
        _followed.add(name)
        if model._meta.auto_created:
            # A through model: links changed. No post_delete receiver, which would
            # turn the fast delete of a deleted record's links into a row-by-row one.
            m2m_changed.connect(_links_changed, sender=model, dispatch_uid=name)
        else:
            post_save.connect(_written, sender=model, dispatch_uid=name)
            post_delete.connect(_written, sender=model, dispatch_uid=name)
    records_bulk_saved.connect(_bulk_written, dispatch_uid="data-generations")


def generation_bump(*models: type[Model]) -> None:
    """New generations of these models once the current transaction commits (at
    once outside one): a reader that sees the new token sees the new rows. One
    upsert per call (a bulk batch is one call), a fraction of a millisecond."""
    names = sorted({_name(model) for model in models})
    if names:
        # robust: a failed draw is logged, the committed write stands.
        transaction.on_commit(lambda: _draw(names), robust=True)


def generation_version(*models: type[Model]) -> str:
    """The generations of these models, in one query (two the first time)."""
    from portal.core.models import DataGeneration

    names = sorted({_name(model) for model in models})
    tokens = dict(
        DataGeneration.objects.filter(name__in=names).values_list("name", "token")
    )
    if len(tokens) < len(names):
        # Never written yet: a token of its own, so that entries cached under an
        # earlier database's (a test's, a restored copy's) are not read back.
        DataGeneration.objects.bulk_create(
            [_token(name) for name in names if name not in tokens],
            ignore_conflicts=True,
        )
        tokens = dict(
            DataGeneration.objects.filter(name__in=names).values_list("name", "token")
        )
    return ";".join(f"{name}={tokens[name]}" for name in names)


def _token(name: str):
    from portal.core.models import DataGeneration

    return DataGeneration(name=name, token=secrets.randbits(62))


def _draw(names: list[str]) -> None:
    from portal.core.models import DataGeneration

    DataGeneration.objects.bulk_create(
        [_token(name) for name in names],
        update_conflicts=True,
        unique_fields=["name"],
        update_fields=["token"],
    )


def _written(sender, **kwargs) -> None:
    generation_bump(sender)


def _links_changed(sender, action, **kwargs) -> None:
    if action.startswith("post_"):
        generation_bump(sender)


def _bulk_written(sender, created=(), updated=(), links=(), **kwargs) -> None:
    models = [sender] if _name(sender) in _followed and (created or updated) else []
    for instance, field_name, _added, _removed in links:
        through = instance._meta.get_field(field_name).remote_field.through
        if _name(through) in _followed:
            models.append(through)
    generation_bump(*models)
