"""Files to rows: CSV (UTF-8 with or without BOM, `,` or `;`) or JSON (a list of objects).

A reader never raises on bad content: it returns the problems as `RowError`s, located
by line (CSV) or by object number (JSON), so the caller can report them all.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field

from portal.core.json_input import JSONTooDeep, json_loads_bounded
from projects.imports.report import RowError

FORMATS = ("csv", "json")
DELIMITERS = (",", ";", "\t")
# Control characters have no place in a registry's text (tab and line breaks, which
# a description may hold, excepted): NUL cannot even be stored by PostgreSQL.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


@dataclass
class Row:
    """One record of a file: its position as a person would look for it, its values."""

    number: int
    values: dict[str, str]


@dataclass
class Table:
    """What a reader made of a file: its columns, its rows, and what went wrong."""

    name: str
    format: str
    columns: list[str] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)


def format_guess(*, name: str, content: bytes) -> str:
    """`json` for a .json file or one that starts with `[`; otherwise `csv`."""
    if name.lower().endswith(".json"):
        return "json"
    if name.lower().endswith(".csv"):
        return "csv"
    return "json" if content.lstrip(b"\xef\xbb\xbf \r\n\t").startswith(b"[") else "csv"


def text_decode(*, name: str, content: bytes) -> tuple[str, RowError | None]:
    """The text of a UTF-8 file (a BOM is dropped); anything else is an error that
    says where the first byte that is not UTF-8 sits."""
    try:
        return content.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        line = content[: error.start].count(b"\n") + 1
        byte = content[error.start : error.start + 1].hex().upper()
        return "", RowError(
            file=name,
            row=line,
            column="-",
            value=f"0x{byte}",
            reason=(
                f"le fichier n’est pas en UTF-8 : octet 0x{byte} à la position "
                f"{error.start} (ligne {line}). Enregistrez-le en UTF-8."
            ),
        )


def table_read(*, name: str, content: bytes, file_format: str = "") -> Table:
    """Read a CSV or JSON file into a `Table`; `file_format` empty means guess."""
    file_format = file_format or format_guess(name=name, content=content)
    table = Table(name=name, format=file_format)
    text, error = text_decode(name=name, content=content)
    if error:
        table.errors.append(error)
        return table
    if not text.strip():
        table.errors.append(_file_error(name, "le fichier est vide."))
        return table
    if file_format == "json":
        _json_read(table, text)
    else:
        _csv_read(table, text)
    return table


def _file_error(name: str, reason: str, row: int = 1, value: str = "") -> RowError:
    return RowError(file=name, row=row, column="-", value=value, reason=reason)


def _column_name(raw: str) -> str:
    # A control character in a header is dropped: the report that names an unknown
    # column must remain storable (PostgreSQL refuses NUL).
    return CONTROL_CHARACTERS.sub("", raw).strip().lower()


def delimiter_guess(header_line: str) -> str:
    """The separator the header uses most: `,` (default), `;` (French spreadsheets)
    or a tab."""
    counts = {delimiter: header_line.count(delimiter) for delimiter in DELIMITERS}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def _csv_read(table: Table, text: str) -> None:
    delimiter = delimiter_guess(text.split("\n", 1)[0])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except csv.Error as error:
        table.errors.append(_file_error(table.name, f"en-tête illisible : {error}."))
        return
    table.columns = [_column_name(name) for name in header]
    _duplicate_columns_check(table)
    last_line = reader.line_num
    try:
        for cells in reader:
            first_line, last_line = last_line + 1, reader.line_num
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) > len(table.columns):
                table.errors.append(
                    RowError(
                        file=table.name,
                        row=first_line,
                        column="-",
                        value=delimiter.join(cells[len(table.columns) :])[:80],
                        reason=(
                            f"{len(cells)} valeurs pour {len(table.columns)} "
                            "colonnes (séparateur ou guillemets manquants ?)."
                        ),
                    )
                )
                continue
            # A short row (trailing empty cells left out) reads as empty cells.
            cells += [""] * (len(table.columns) - len(cells))
            values = {
                column: cell.strip()
                for column, cell in zip(table.columns, cells, strict=True)
            }
            table.errors += _text_errors(table.name, first_line, values)
            table.rows.append(Row(number=first_line, values=values))
    except csv.Error as error:
        table.errors.append(
            _file_error(table.name, f"CSV illisible : {error}.", row=last_line + 1)
        )


def _text_errors(name: str, number: int, values: dict[str, str]) -> list[RowError]:
    """A cell holding a control character (NUL, escape…) is refused, never stored."""
    return [
        RowError(
            file=name,
            row=number,
            column=column,
            value=_visible(value)[:80],
            reason=(
                f"caractère de contrôle interdit (U+{ord(found.group()):04X}) : "
                "seul du texte est accepté."
            ),
        )
        for column, value in values.items()
        if (found := CONTROL_CHARACTERS.search(value))
    ]


def _visible(value: str) -> str:
    return CONTROL_CHARACTERS.sub(lambda match: f"\\x{ord(match.group()):02x}", value)


class _NotText(ValueError):
    """A JSON value that is no cell: an object, or a list holding lists or objects."""


def _json_scalar(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, dict):
        raise _NotText
    if isinstance(value, list):
        if any(isinstance(item, dict | list) for item in value):
            raise _NotText
        return "|".join(_json_scalar(item) for item in value)
    return str(value).strip()


def _json_values(table: Table, number: int, item: dict) -> dict[str, str] | None:
    """The cells of one JSON object; None (and row errors) if one is not text."""
    values, errors = {}, []
    for key, value in item.items():
        column = _column_name(str(key))
        try:
            values[column] = _json_scalar(value)
        except _NotText:
            errors.append(
                RowError(
                    file=table.name,
                    row=number,
                    column=column,
                    value=json.dumps(value, ensure_ascii=False)[:80],
                    reason=(
                        "un objet JSON n’est pas une valeur de cellule : texte, "
                        "nombre, booléen ou liste de textes attendu."
                    ),
                )
            )
    errors += _text_errors(table.name, number, values)
    table.errors += errors
    return None if errors else values


def _json_read(table: Table, text: str) -> None:
    try:
        data = json_loads_bounded(text)
    except JSONTooDeep as error:
        table.errors.append(_file_error(table.name, f"JSON invalide : {error}"))
        return
    except json.JSONDecodeError as error:
        table.errors.append(
            _file_error(
                table.name,
                f"JSON invalide : {error.msg} (ligne {error.lineno}, "
                f"colonne {error.colno}).",
                row=error.lineno,
            )
        )
        return
    if not isinstance(data, list):
        table.errors.append(
            _file_error(table.name, "le JSON doit être une liste d’objets [{…}, …].")
        )
        return
    columns: dict[str, None] = {}
    for number, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            table.errors.append(
                _file_error(
                    table.name,
                    "chaque élément de la liste doit être un objet {…}.",
                    row=number,
                    value=str(item)[:80],
                )
            )
            continue
        values = _json_values(table, number, item)
        if values is None:
            continue
        columns.update(dict.fromkeys(values))
        table.rows.append(Row(number=number, values=values))
    table.columns = list(columns)


def _duplicate_columns_check(table: Table) -> None:
    seen: set[str] = set()
    for column in table.columns:
        if column in seen:
            table.errors.append(
                RowError(
                    file=table.name,
                    row=1,
                    column=column,
                    value=column,
                    reason="colonne présente deux fois dans l’en-tête.",
                )
            )
        seen.add(column)
