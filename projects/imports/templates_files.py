"""The template file of each kind: the header and one example row, as CSV."""

from __future__ import annotations

import io
from collections.abc import Sequence

from portal.core.csv_safety import formula_safe_writer
from projects.imports.columns import Column
from projects.imports.kinds import KINDS, AnrImporter

# Download name → the columns of the file; the ANR preset has two files.
TEMPLATE_COLUMNS: dict[str, Sequence[Column]] = {
    **{
        kind: importer.columns
        for kind, importer in KINDS.items()
        if importer is not AnrImporter
    },
    "anr-projects": AnrImporter.roles["projects"],
    "anr-partners": AnrImporter.roles["partners"],
}


def template_csv(*, name: str) -> str:
    """A CSV file with the documented columns and one example row."""
    columns = TEMPLATE_COLUMNS[name]
    buffer = io.StringIO()
    writer = formula_safe_writer(buffer, lineterminator="\n")
    writer.writerow(column.name for column in columns)
    writer.writerow(column.example for column in columns)
    return buffer.getvalue()
