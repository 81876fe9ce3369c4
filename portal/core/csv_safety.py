"""CSV cells that a spreadsheet cannot run as formulas (OWASP "CSV injection").

A text cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return is read
by Excel, LibreOffice or Sheets as a formula (`=HYPERLINK("http://evil…")`); such
a cell is written with a leading single quote, which spreadsheets show as text.

Numbers are exempt: a cell holding an int, float or Decimal is written from the
number itself, so it can only contain digits, a sign, a point or an exponent and
no spreadsheet can run it; open-data users keep `-3.5` as a number. Anything
that arrives as text (names, descriptions, imported cells) is neutralised, even
`-3`, since text reached us from a user.

Every CSV writer of the portal goes through `formula_safe_writer`."""

from __future__ import annotations

import csv
from typing import Any

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: Any) -> Any:
    """The cell as it may be written: text that could be a formula gets a `'`."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


class FormulaSafeWriter:
    """`csv.writer` whose rows are neutralised cell by cell before writing."""

    def __init__(self, stream, **kwargs):
        self._writer = csv.writer(stream, **kwargs)

    def writerow(self, row):
        return self._writer.writerow([csv_safe(cell) for cell in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def formula_safe_writer(stream, **kwargs) -> FormulaSafeWriter:
    return FormulaSafeWriter(stream, **kwargs)
