"""List pages computed from plain rows: the API's costliest read, without a model
instance or a DRF field per value.

A page of 50 projects with their expansions held about 1,500 model instances and
was walked by nested serializers field by field: 0.1 s of Python a page, which
four gunicorn workers on two cores could not serve at 50 requests/s. A viewset
that sets `list_rows` (a `ListRows`) has its list pages read as `.values()` of
exactly the columns shown (the cursor pagination works on dicts too), and each
row shaped once into the serializer's own representation, key order included.
The serializer still documents the rows and serves details and writes; a test
renders both paths of the same page and compares the bytes
(tests/api/test_list_rows.py).
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from django.conf import settings
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

# A slug that every route's pattern accepts, and that no host or path prefix holds:
# where it lands in a reversed URL, each row's own slug goes.
_SLUG_MARK = "_-slug-mark-_"


def datetime_text_in_zone() -> Callable[[datetime.datetime | None], str | None]:
    """How DRF's `DateTimeField` shows a datetime: in the current time zone (read
    once, for a whole page: it sits behind a context-local lookup), ISO 8601, `Z`
    for UTC."""
    zone = timezone.get_current_timezone() if settings.USE_TZ else None

    def datetime_text(value: datetime.datetime | None) -> str | None:
        if not value:
            return None
        if zone is not None:
            value = value.astimezone(zone)
        text = value.isoformat()
        return text[:-6] + "Z" if text.endswith("+00:00") else text

    return datetime_text


def date_text(value: datetime.date | None) -> str | None:
    """As DRF's `DateField` gives it."""
    return value.isoformat() if value else None


class UrlTemplate:
    """Absolute URLs of many records of one route, reversed once per request.

    `reverse()` resolves the pattern again for each call (2 ms a page of 50 for two
    URLs a row); the route is the same for every row but the slug."""

    def __init__(self, request, view_name: str, *, lookup: str = "slug"):
        url = reverse(view_name, kwargs={lookup: _SLUG_MARK})
        if request is not None:
            url = request.build_absolute_uri(url)
        self.prefix, self.suffix = url.split(_SLUG_MARK)

    def __call__(self, slug: str) -> str:
        return f"{self.prefix}{slug}{self.suffix}"


@dataclass(frozen=True)
class ValueLists:
    """One column of related rows as a list per page object (`{pk: [slug, …]}`):
    the slugs of a project's domains, its keyword names, ordered by `sort`'s
    columns. Read with the page's other lists (portal/core/api/rows_json.py)."""

    queryset: Callable[[], QuerySet]
    parent: str
    value: str
    sort: tuple[str, ...] = ()

    def load(self, parent_ids: Sequence) -> dict:
        grouped = defaultdict(list)
        if parent_ids:
            rows = self.queryset().filter(**{f"{self.parent}__in": parent_ids})
            rows = rows.order_by(*self.sort) if self.sort else rows
            for parent, value in rows.values_list(self.parent, self.value):
                grouped[parent].append(value)
        return grouped


class ListRows:
    """What a list page shows, read as plain rows: subclasses name the `.values()`
    columns of the page (`columns`) and shape a fetched page into its representation
    (`represent`), loading related rows for the whole page at once."""

    def columns(self, expand: Sequence[str]) -> list[str]:
        raise NotImplementedError

    def represent(self, page: list[dict], *, expand: Sequence[str], request) -> list:
        raise NotImplementedError

    def page_queryset(self, queryset: QuerySet, expand: Sequence[str]) -> QuerySet:
        """The filtered queryset as the rows to paginate (its prefetches, made for
        instances, dropped)."""
        return queryset.prefetch_related(None).values(*self.columns(expand))


def nested(row: dict, prefix: str, fields: Iterable[str]) -> dict | None:
    """The object under `prefix` (`lead_team__slug`…) as a dict, or None when the
    relation is null (its first column is null, as a missing pk)."""
    fields = tuple(fields)
    if row[f"{prefix}__{fields[0]}"] is None:
        return None
    return {name: row[f"{prefix}__{name}"] for name in fields}
