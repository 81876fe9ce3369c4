"""Expanded rows as plain dicts: one `.values()` query per expansion for a whole page.

A page of 50 projects with their partners, members, datasets and evaluations holds
over a thousand related rows. Built as model instances (through modelcluster's
prefetch) and then walked by nested DRF serializers, they cost most of the request;
read as `.values()` of exactly the columns shown and shaped into the serializer's
own representation, they cost a few milliseconds. The serializer class is kept for
the schema (drf-spectacular documents `PrebuiltRows.child`), and a test pins the
two representations equal (tests/api/test_api_rows.py).
"""

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import QuerySet
from rest_framework import serializers

# One nested object of a row: its key in the output and its columns there. A nested
# object whose first column is null (a partner that is an organisation has no team)
# is `None`, as a null relation is in DRF.
Nested = Mapping[str, Sequence[str]]


@dataclass(frozen=True)
class RowsLoader:
    """The related rows of a page's objects, as `{parent_pk: [row, …]}`.

    `queryset` gives the rows (filtered and ordered); `parent` is its column holding
    the page object's pk; `fields` are its own columns, or `(name, column)` pairs for
    a column shown under another name (`("evaluator", "evaluator__slug")`); `nested`
    the related objects shown inside each row (`{"team": ("slug", "name", …)}` reads
    `team__slug`…); `convert` the functions applied to some columns' values.
    """

    queryset: Callable[[], QuerySet]
    parent: str
    fields: Sequence[str | tuple[str, str]] = ()
    nested: Nested = field(default_factory=dict)
    # Columns whose value the serializer shows otherwise (a decimal as text): the
    # function applied to each non-null value.
    convert: Mapping[str, Callable] = field(default_factory=dict)
    # The keys in the serializer's order when it differs from plain-then-nested.
    order: Sequence[str] = ()

    @cached_property
    def _plain(self) -> tuple[tuple[str, str], ...]:
        return tuple((f, f) if isinstance(f, str) else f for f in self.fields)

    @cached_property
    def _nested(self) -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
        return tuple(
            (name, tuple((column, f"{name}__{column}") for column in columns))
            for name, columns in self.nested.items()
        )

    def columns(self) -> list[str]:
        columns = [self.parent, *(column for _name, column in self._plain)]
        for _name, nested_columns in self._nested:
            columns += [column for _key, column in nested_columns]
        return columns

    def shape(self, row: dict) -> dict:
        shaped = {name: row[column] for name, column in self._plain}
        for name, function in self.convert.items():
            if shaped[name] is not None:
                shaped[name] = function(shaped[name])
        for name, nested_columns in self._nested:
            if row[nested_columns[0][1]] is None:
                shaped[name] = None
            else:
                shaped[name] = {key: row[column] for key, column in nested_columns}
        if self.order:
            return {key: shaped[key] for key in self.order}
        return shaped

    def load(self, parent_ids: Sequence) -> dict:
        grouped = defaultdict(list)
        if not parent_ids:
            return grouped
        rows = self.queryset().filter(**{f"{self.parent}__in": parent_ids})
        for row in rows.values(*self.columns()):
            grouped[row[self.parent]].append(self.shape(row))
        return grouped

    def attach(self, objects: Sequence, attribute: str) -> None:
        """Set `attribute` on each object to its list of rows (empty when none)."""
        grouped = self.load([obj.pk for obj in objects])
        for obj in objects:
            setattr(obj, attribute, grouped.get(obj.pk, []))


class PrebuiltRows(serializers.ListSerializer):
    """A many-field whose rows are already their representation (`RowsLoader`);
    `child` still describes them in the API schema."""

    def to_representation(self, data):
        return list(data)


@dataclass(frozen=True)
class SerializedRows:
    """Related rows shown through their serializer, for a whole page in one query:
    for relations whose representation computes values from several columns (a
    publication's URL from its DOI or HAL id), and few rows a page."""

    queryset: Callable[[], QuerySet]
    parent: str
    serializer: Callable[[], serializers.Serializer]

    def load(self, parent_ids: Sequence) -> dict:
        grouped = defaultdict(list)
        if not parent_ids:
            return grouped
        serializer = self.serializer()
        for obj in self.queryset().filter(**{f"{self.parent}__in": parent_ids}):
            grouped[getattr(obj, self.parent)].append(serializer.to_representation(obj))
        return grouped
