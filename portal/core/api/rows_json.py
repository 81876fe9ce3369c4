"""Every related list of a page in one statement, shaped by PostgreSQL.

`RowsLoader` and `ValueLists` each cost a round trip, and every row a dict built in
Python twice (Django's `.values()`, then its shape). On PostgreSQL, each loader's
own queryset (its filters, visibility and ordering, compiled by Django) is wrapped
in `json_agg(json_build_object(…) ORDER BY row_number)` per page object, and all of
them joined by UNION ALL: one round trip for the page's partners, members, datasets,
evaluations, terms and keywords, parsed by psycopg's C JSON decoder. `json` (not
`jsonb`) keeps the keys in the order built, which is the serializer's; dates come
as ISO text, as the renderer writes them. Loaders whose values need Python
(`convert`, `order`) and other databases take the per-loader path.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Mapping, Sequence

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import F, QuerySet, Window
from django.db.models.functions import RowNumber

from portal.core.api.list_rows import ValueLists
from portal.core.api.rows import RowsLoader

# Anything with `queryset` and `load(parent_ids)`; these two can share the statement.
Loader = RowsLoader | ValueLists


def _ordered(queryset: QuerySet, values: Sequence[str]) -> QuerySet:
    """The rows' columns and their rank in the queryset's own ordering."""
    ordering = list(queryset.query.order_by) or list(queryset.model._meta.ordering)
    order_by = [
        (F(name[1:]).desc() if name.startswith("-") else F(name).asc())
        if isinstance(name, str)
        else name
        for name in ordering
    ]
    ranked = queryset.order_by().annotate(_rank=Window(RowNumber(), order_by=order_by))
    return ranked.values(*values, "_rank")


def _object_sql(pairs: Sequence[tuple[str, str]], quote) -> str:
    args = ", ".join(f"'{key}', r.{quote(column)}" for key, column in pairs)
    return f"json_build_object({args})"


def _part(loader: Loader, parent_ids: Sequence, quote) -> tuple[QuerySet, str, str]:
    """(rows queryset, parent column, JSON expression of one row)."""
    if isinstance(loader, ValueLists):
        rows = loader.queryset().filter(**{f"{loader.parent}__in": parent_ids})
        rows = rows.order_by(*loader.sort, "pk")
        return (
            _ordered(rows, [loader.parent, loader.value]),
            loader.parent,
            f"r.{quote(loader.value)}",
        )
    rows = loader.queryset().filter(**{f"{loader.parent}__in": parent_ids})
    members = [f"'{name}', r.{quote(column)}" for name, column in loader._plain]
    for name, nested_columns in loader._nested:
        first = quote(nested_columns[0][1])
        members.append(
            f"'{name}', CASE WHEN r.{first} IS NULL THEN NULL "
            f"ELSE {_object_sql(nested_columns, quote)} END"
        )
    return (
        _ordered(rows, loader.columns()),
        loader.parent,
        f"json_build_object({', '.join(members)})",
    )


def can_load_together(loader: Loader, alias: str) -> bool:
    if connections[alias].vendor != "postgresql":
        return False
    if isinstance(loader, ValueLists):
        return True
    return isinstance(loader, RowsLoader) and not (loader.convert or loader.order)


def load_together(loaders: Mapping[str, Loader], parent_ids: Sequence) -> dict:
    """`{name: {pk: [row, …]}}`: one statement for the loaders that can share it,
    the others loaded one by one."""
    grouped = {name: defaultdict(list) for name in loaders}
    if not parent_ids:
        return grouped
    together, alone, shared_alias = {}, {}, None
    for name, loader in loaders.items():
        alias = loader.queryset().db
        shared_alias = shared_alias or alias
        joins = alias == shared_alias and can_load_together(loader, alias)
        (together if joins else alone)[name] = loader
    for name, loader in alone.items():
        grouped[name] = loader.load(parent_ids)
    if together:
        _load_in_one_statement(together, parent_ids, grouped)
    return grouped


def _load_in_one_statement(loaders: Mapping[str, Loader], parent_ids, grouped) -> None:
    names = list(loaders)
    alias = loaders[names[0]].queryset().db
    connection = connections[alias]
    quote = connection.ops.quote_name
    selects, params = [], []
    for index, name in enumerate(names):
        rows, parent, row_json = _part(loaders[name], parent_ids, quote)
        try:
            sql, part_params = rows.query.get_compiler(using=alias).as_sql()
        except EmptyResultSet:
            continue
        selects.append(
            f"SELECT {index} AS list, r.{quote(parent)} AS parent, "
            f"json_agg({row_json} ORDER BY r._rank) AS items "
            f"FROM ({sql}) AS r GROUP BY r.{quote(parent)}"
        )
        params += part_params
    if not selects:
        return
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(selects), params)
        for index, parent, items in cursor.fetchall():
            # Text when the driver leaves JSON to Django (as it does for jsonb).
            grouped[names[index]][parent] = (
                json.loads(items) if isinstance(items, str) else items
            )
