"""Serialisation of a resource as a stream of text chunks: CSV or JSON Lines.

Both the live download (`StreamingHttpResponse`) and `export_registry` (files)
consume these generators, so the two always agree."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from decimal import Decimal

from portal.core.csv_safety import formula_safe_writer
from portal.opendata.resources import Resource, plain

LIST_SEPARATOR = " | "
# Rows joined into one chunk before it is handed on: fewer, larger writes.
ROWS_PER_CHUNK = 200


class _Echo:
    """A file-like object whose write() returns the line, for csv.writer."""

    def write(self, value: str) -> str:
        return value


def _csv_cell(value) -> str | int | float | Decimal:
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return value  # written as a number: never a formula (see csv_safety)
    value = plain(value)
    if isinstance(value, list):
        return LIST_SEPARATOR.join(str(item) for item in value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _batched(lines: Iterator[str]) -> Iterator[str]:
    batch: list[str] = []
    for line in lines:
        batch.append(line)
        if len(batch) >= ROWS_PER_CHUNK:
            yield "".join(batch)
            batch = []
    if batch:
        yield "".join(batch)


def csv_chunks(
    resource: Resource, *, on_row: Callable[[int], None] | None = None
) -> Iterator[str]:
    writer = formula_safe_writer(_Echo(), lineterminator="\n")

    def lines() -> Iterator[str]:
        yield writer.writerow(list(resource.columns))
        for number, row in enumerate(resource.rows(), start=1):
            yield writer.writerow([_csv_cell(value) for value in row.values()])
            if on_row:
                on_row(number)

    return _batched(lines())


def jsonl_chunks(
    resource: Resource, *, on_row: Callable[[int], None] | None = None
) -> Iterator[str]:
    def lines() -> Iterator[str]:
        for number, row in enumerate(resource.rows(), start=1):
            data = {name: plain(value) for name, value in row.items()}
            yield json.dumps(data, ensure_ascii=False) + "\n"
            if on_row:
                on_row(number)

    return _batched(lines())


WRITERS = {"csv": csv_chunks, "jsonl": jsonl_chunks}
