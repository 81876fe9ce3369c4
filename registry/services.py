"""Writes to the registry: imports of organisations and datasets from open data.

Every import validates each row with the model's own `full_clean()`, reports errors with
the row's line and field, and is all-or-nothing: one bad row and nothing is stored.
Imports upsert on natural keys, so importing the same file twice changes nothing.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction

from registry.models import Dataset, DataStandard, Organisation
from registry.validators import normalise_ror

# CSV column → model field. Columns a file lacks keep the model's value (or default).
ORGANISATION_COLUMNS = {
    "name": "name",
    "acronym": "acronym",
    "kind": "kind",
    "ror": "ror_id",
    "city": "city",
    "website": "website",
}
FIELD_TO_COLUMN = {
    model_field: column for column, model_field in ORGANISATION_COLUMNS.items()
}


@dataclass(frozen=True)
class RowError:
    """One problem in one row of an import, located as a person would look for it."""

    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"ligne {self.line}, champ « {self.field} » : {self.message}"


@dataclass
class ImportReport:
    """What an import did, or why it stored nothing."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


class _RollBack(Exception):
    """Raised inside the import's transaction to undo every row once one is bad."""


def _clean_row(row: Mapping[str, str | None]) -> dict[str, str]:
    return {
        (key or "").strip().lower(): (value or "").strip()
        for key, value in row.items()
        if key is not None
    }


def _organisation_match(*, ror_id: str, name: str) -> Organisation | None:
    """The existing organisation a row describes: by ROR id first, else by name."""
    if ror_id:
        found = Organisation.objects.filter(ror_id=ror_id).first()
        if found:
            return found
    return Organisation.objects.filter(name__iexact=name).first() if name else None


def _validation_errors(error: ValidationError, line: int) -> list[RowError]:
    if not hasattr(error, "error_dict"):
        return [RowError(line, "-", message) for message in error.messages]
    return [
        RowError(line, FIELD_TO_COLUMN.get(name, name), message)
        for name, messages in error.message_dict.items()
        for message in messages
    ]


def organisation_import_rows(
    *,
    rows: Iterable[Mapping[str, str | None]],
    source: str,
    default_kind: str = Organisation.Kind.OTHER,
    first_line: int = 2,
    progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """Create or update organisations from rows of text (e.g. a CSV file's dicts).

    Columns: `name` (required), `ror` (bare id or https://ror.org/ URL), `acronym`,
    `kind`, `city`, `website`, `parent` (ROR id or exact name of an organisation
    already known or on an earlier row). `first_line` is the file line of the first
    row (2 after a header) so that errors point at the line a person sees.
    `progress`, if given, is called with the number of rows read so far.
    """
    report = ImportReport()
    try:
        with transaction.atomic():
            for line, raw in enumerate(rows, start=first_line):
                _organisation_import_row(
                    row=_clean_row(raw),
                    line=line,
                    source=source,
                    default_kind=default_kind,
                    report=report,
                )
                if progress:
                    progress(line - first_line + 1)
            if report.errors:
                raise _RollBack
    except _RollBack:
        report.created = report.updated = report.unchanged = 0
    return report


def _organisation_import_row(
    *,
    row: dict[str, str],
    line: int,
    source: str,
    default_kind: str,
    report: ImportReport,
) -> None:
    values = {
        model_field: row[column]
        for column, model_field in ORGANISATION_COLUMNS.items()
        if column in row
    }
    values["ror_id"] = normalise_ror(values.get("ror_id", ""))
    if not values.get("kind"):
        values["kind"] = default_kind
    if row.get("parent"):
        parent = _organisation_match(
            ror_id=normalise_ror(row["parent"]), name=row["parent"]
        )
        if parent is None:
            report.errors.append(
                RowError(
                    line,
                    "parent",
                    f"organisation parente « {row['parent']} » inconnue.",
                )
            )
            return
        values["parent"] = parent
    organisation = _organisation_match(
        ror_id=values["ror_id"], name=values.get("name", "")
    )
    if (
        organisation is not None
        and organisation.ror_id
        and values["ror_id"]
        and organisation.ror_id != values["ror_id"]
    ):
        report.errors.append(
            RowError(
                line,
                "ror",
                f"« {organisation.name} » existe déjà avec l’identifiant ROR "
                f"{organisation.ror_id}.",
            )
        )
        return
    is_new = organisation is None
    organisation = organisation or Organisation(source=source)
    if not values["ror_id"]:
        # A row without ROR id never erases one the registry already knows.
        values.pop("ror_id")
    changed = [
        name for name, value in values.items() if getattr(organisation, name) != value
    ]
    for name in changed:
        setattr(organisation, name, values[name])
    try:
        organisation.full_clean()
    except ValidationError as error:
        report.errors.extend(_validation_errors(error, line))
        return
    if is_new:
        organisation.save()
        report.created += 1
    elif changed:
        organisation.save(update_fields=[*changed, "updated_at"])
        report.updated += 1
    else:
        report.unchanged += 1


def organisation_import_csv(
    *,
    path: Path | str,
    source: str,
    default_kind: str = Organisation.Kind.OTHER,
    progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """Import organisations from a UTF-8 CSV file with a header row."""
    with open(path, newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        if not reader.fieldnames or "name" not in [
            (name or "").strip().lower() for name in reader.fieldnames
        ]:
            return ImportReport(
                errors=[RowError(1, "name", "colonne « name » absente de l’en-tête.")]
            )
        return organisation_import_rows(
            rows=list(reader),
            source=source,
            default_kind=default_kind,
            progress=progress,
        )


def data_standard_get_or_create(*, name: str) -> DataStandard:
    """The standard called `name`, created on first use."""
    standard, _created = DataStandard.objects.get_or_create(name=name)
    return standard


def dataset_upsert(
    *,
    name: str,
    producer: Organisation,
    kind: str,
    description: str,
    access_route: str,
    access_procedure: str,
    acronym: str = "",
    description_en: str = "",
    population: str = "",
    period_start: int | None = None,
    period_end: int | None = None,
    access_url: str = "",
    landing_page: str = "",
    standards: Sequence[str] = (),
    source: str = "",
) -> tuple[Dataset, bool]:
    """Create or update the description of a dataset, keyed on its name.

    Returns the dataset and whether anything was written. Raises ValidationError if the
    description is invalid, leaving the database untouched.
    """
    values = {
        "name": name,
        "acronym": acronym,
        "producer": producer,
        "kind": kind,
        "description": description,
        "description_en": description_en,
        "population": population,
        "period_start": period_start,
        "period_end": period_end,
        "access_route": access_route,
        "access_procedure": access_procedure,
        "access_url": access_url,
        "landing_page": landing_page,
        "source": source,
    }
    with transaction.atomic():
        dataset = Dataset.objects.filter(name=name).first() or Dataset()
        changed = [
            key for key, value in values.items() if getattr(dataset, key, None) != value
        ]
        for key in changed:
            setattr(dataset, key, values[key])
        dataset.full_clean()
        written = dataset.pk is None or bool(changed)
        if written:
            dataset.save()
        wanted = {
            data_standard_get_or_create(name=standard).pk for standard in standards
        }
        if set(dataset.standards.values_list("pk", flat=True)) != wanted:
            dataset.standards.set(wanted)
            written = True
    return dataset, written
