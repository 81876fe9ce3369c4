"""Caches keyed by a version of the data they were computed from.

The version is a *generation* (`generation_version`), read in one indexed query
whatever the registry's size: each followed model has a token, drawn anew after
every commit that saves, deletes or bulk-writes one of its rows (its `post_save`,
`post_delete`, `m2m_changed` and `records_bulk_saved` signals), so hot pages (the
team page's matches, the home page's institutes, the dashboard, the API's lists)
check it on every request. A token is random rather than counted: a restored or
rolled-back table cannot bring back a version that named other data. What no
signal sees (a queryset `update()`, raw SQL) must call `generation_bump`; the
caller's timeout bounds what is missed.

Foundation layer: callers pass their models; imports no app.
"""

import hashlib
import secrets
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.db import transaction
from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import translation

from portal.core.bulk import records_bulk_saved

T = TypeVar("T")


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
