"""The import engine: read, check the header, then every row, all in one transaction.

Every row is checked (cells, duplicate keys, references, the model's own rules) and
every problem is reported. Rows are written inside one transaction as they pass, so
that a later row may name a record an earlier one created: the plain kinds
(organisations, people) in batches of valid rows (batch.py), the others one by one.
If any row fails, or on a dry run, the whole transaction is rolled back: nothing
from an invalid file is ever committed, and a dry run reports the same counts a
real run would produce.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.tasks import update_reference_index_task

from projects.imports.batch import BatchWriter
from projects.imports.columns import Column, cell_parse
from projects.imports.kinds import KINDS, AnrImporter, KindImporter, RunContext
from projects.imports.kinds.anr import ANR_SOURCE
from projects.imports.models import ImportRun
from projects.imports.readers import Row, Table, table_read
from projects.imports.report import ImportReport, RowError, RowProblems

Progress = Callable[[int, int], None]
HOSPITALS_SOURCE = "French Open Science Monitor (dataESR), licence MIT"


@dataclass(frozen=True)
class SourceFile:
    """A file to import: its name (for the report) and its bytes."""

    name: str
    content: bytes


@dataclass(frozen=True)
class Preset:
    """What the registry knows of a public file: its kind, provenance and defaults."""

    kind: str
    source: str
    defaults: dict[str, Any] = field(default_factory=dict)


# The project's open-data files (portal/demo/data/, from the shared data folder).
FILE_PRESETS = {
    "french_university_hospitals_ror.csv": Preset(
        "organisations", HOSPITALS_SOURCE, {"kind": "hospital"}
    ),
    "french_cancer_centres_ror.csv": Preset(
        "organisations", HOSPITALS_SOURCE, {"kind": "hospital"}
    ),
    "anr_health_projects.csv": Preset("anr", ANR_SOURCE),
    "anr_health_partners.csv": Preset("anr", ANR_SOURCE),
}


class _RollBack(Exception):
    """Raised inside the import's transaction to undo it (errors, or a dry run)."""


def kind_detect(columns: Sequence[str]) -> str:
    """The one kind whose columns fit the header (all required ones, no stranger)."""
    header = set(columns)
    fits = []
    for kind, importer in KINDS.items():
        specs = (
            importer.roles.values() if importer is AnrImporter else [importer.columns]
        )
        for spec in specs:
            names = {column.name for column in spec}
            required = {column.name for column in spec if column.required}
            if required <= header <= names:
                fits.append(kind)
    return fits[0] if len(set(fits)) == 1 else ""


def _header_errors(table: Table, columns: Sequence[Column]) -> list[RowError]:
    known = {column.name for column in columns}
    errors = [
        RowError(table.name, 1, column.name, "", "colonne obligatoire absente.")
        for column in columns
        if column.required and column.name not in table.columns
    ]
    errors += [
        RowError(
            table.name,
            1,
            name,
            name,
            "colonne inconnue ; colonnes possibles : " + ", ".join(sorted(known)) + ".",
        )
        for name in table.columns
        if name not in known
    ]
    return errors


def row_parse(
    columns: Sequence[Column], row: Row
) -> tuple[dict[str, Any], list[tuple[str, str, str]]]:
    """The typed values of a row's cells, and every cell's problems."""
    values, problems = {}, []
    for column in columns:
        if column.name not in row.values and not column.required:
            continue  # left out of this JSON object: the record keeps its value
        raw = row.values.get(column.name, "")
        value, reasons = cell_parse(column, raw)
        values[column.name] = value
        problems += [(column.name, raw, reason) for reason in reasons]
    return values, problems


class _Rows:
    """The row loop shared by every kind: parse, find duplicates, write, count."""

    def __init__(self, report: ImportReport, progress: Progress | None) -> None:
        self.report, self.progress, self.done = report, progress, 0

    def run(
        self,
        *,
        importer: KindImporter,
        table: Table,
        columns: Sequence[Column],
        count_as: str,
        write: Callable[[int, dict[str, Any]], str | None],
        keyed: bool = True,
    ) -> None:
        seen: dict[tuple, int] = {}
        batch = self._batch(importer, table) if importer.batched else None
        for row in table.rows:
            values, problems = row_parse(columns, row)
            key = importer.key(values) if keyed and not problems else None
            if key is not None and key in seen:
                column = importer.key_columns(values)
                problems.append(
                    (
                        column,
                        row.values.get(column, ""),
                        f"clé en double : la ligne {seen[key]} décrit déjà cet "
                        f"enregistrement (clé : {importer.key_help}).",
                    )
                )
            elif key is not None:
                seen[key] = row.number
            if not problems:
                if batch is not None:
                    batch.row_start(row.number)
                problems = self._write(
                    write, row.number, values, count_as, savepoint=batch is None
                )
                if batch is not None:
                    batch.row_end(written=not problems)
            else:
                problems += importer.reference_problems(values)
            self.report.errors += [
                RowError(table.name, row.number, column, str(value), reason)
                for column, value, reason in problems
            ]
            self.done += 1
            if self.progress:
                self.progress(self.done, self.report.rows_total)
        if batch is not None:
            batch.flush()
            importer.context.batch = None

    def _batch(self, importer: KindImporter, table: Table) -> BatchWriter:
        """A batch writer for the run: rows wait in it, its errors name their row."""

        def refused(number: int, message: str) -> None:
            self.report.errors.append(
                RowError(table.name, number, "-", "", _refused(message))
            )

        importer.context.batch = BatchWriter(
            on_provenance=importer.context.provenance_record, on_error=refused
        )
        return importer.context.batch

    def _write(
        self, write, number, values, count_as, *, savepoint: bool
    ) -> list[tuple[str, str, str]]:
        try:
            # A savepoint per row: a row the database refuses leaves the others
            # usable. A batched kind writes nothing here (its batch has savepoints).
            with transaction.atomic() if savepoint else nullcontext():
                outcome = write(number, values)
        except RowProblems as problems:
            return problems.problems
        except IntegrityError as error:
            return [("-", "", _refused(str(error)))]
        if outcome:  # None: a record this run has already counted
            self.report.count(count_as, outcome)
        return []


def import_execute(
    *,
    files: Sequence[SourceFile],
    kind: str = "",
    source: str = "",
    dry_run: bool = False,
    file_format: str = "",
    user: AbstractBaseUser | None = None,
    run: ImportRun | None = None,
    progress: Progress | None = None,
    defaults: dict[str, Any] | None = None,
) -> tuple[str, ImportReport]:
    """Import `files` as `kind` (guessed from a known file name or the header when
    empty); return the kind and the report. Writes only if every row is valid and
    `dry_run` is false. `defaults` fill new records' fields a file leaves out."""
    report = ImportReport()
    tables = [
        table_read(name=file.name, content=file.content, file_format=file_format)
        for file in files
    ]
    for table in tables:
        report.errors += table.errors
        report.log.append(
            f"{table.name} : {len(table.rows)} ligne(s), format {table.format}."
        )
    if report.errors:
        return kind, report
    preset = next(
        (
            FILE_PRESETS[file.name.lower()]
            for file in files
            if file.name.lower() in FILE_PRESETS
        ),
        None,
    )
    if preset and kind and preset.kind != kind:
        preset = None  # a known file name imported as another kind: no defaults
    kind = kind or (preset.kind if preset else "") or kind_detect(tables[0].columns)
    if kind not in KINDS:
        report.errors.append(
            RowError(
                files[0].name,
                1,
                "-",
                kind,
                "type d’import non reconnu d’après l’en-tête ; précisez-le parmi : "
                + ", ".join(KINDS)
                + ".",
            )
        )
        return kind, report
    plan = _plan(kind, tables, report)
    if report.errors:
        return kind, report
    context = RunContext(
        run=run,
        source=source
        or (preset.source if preset else ", ".join(t.name for t in tables)),
        file_name=", ".join(table.name for table in tables),
        user=user,
        defaults={**(preset.defaults if preset else {}), **(defaults or {})},
        report=report,
    )
    importer = KINDS[kind](context)
    report.rows_total = sum(len(table.rows) for table, _columns in plan)
    rows = _Rows(report, progress)
    try:
        # Wagtail refreshes its usage index on every save (children included): once
        # per written record, after commit, is enough and several times faster.
        with disable_reference_index_auto_update(), transaction.atomic():
            if isinstance(importer, AnrImporter):
                _anr_import(importer, plan, rows, report)
            else:
                table, columns = plan[0]
                rows.run(
                    importer=importer,
                    table=table,
                    columns=columns,
                    count_as=kind,
                    write=lambda _number, values: importer.row_import(values),
                )
            context.provenance_flush()
            if report.errors or dry_run:
                raise _RollBack
            touched = sorted(context.touched)
            transaction.on_commit(lambda: _reference_index_update(touched))
    except _RollBack:
        if report.errors:
            report.counts = {}
    report.source = context.source
    report.log.append(f"Provenance : {context.source}")
    return kind, report


def _plan(
    kind: str, tables: list[Table], report: ImportReport
) -> list[tuple[Table, Sequence[Column]]]:
    """Each table with the columns it is read with (the ANR pair: by header)."""
    importer = KINDS[kind]
    if importer is not AnrImporter:
        if len(tables) != 1:
            report.errors.append(
                RowError(tables[1].name, 1, "-", "", "un seul fichier pour ce type.")
            )
            return []
        plan = [(tables[0], importer.columns)]
    else:
        by_role = {}
        for table in tables:
            role = "partners" if "organisation" in table.columns else "projects"
            by_role[role] = table
        if set(by_role) != {"projects", "partners"} or len(tables) != 2:
            report.errors.append(
                RowError(
                    tables[0].name,
                    1,
                    "-",
                    "",
                    "l’import ANR attend deux fichiers : les projets "
                    "(anr_health_projects.csv) et les partenaires "
                    "(anr_health_partners.csv).",
                )
            )
            return []
        plan = [
            (by_role["partners"], AnrImporter.roles["partners"]),
            (by_role["projects"], AnrImporter.roles["projects"]),
        ]
    for table, columns in plan:
        report.errors += _header_errors(table, columns)
    return plan


def _anr_import(importer: AnrImporter, plan, rows: _Rows, report: ImportReport) -> None:
    (partners, partner_columns), (projects, project_columns) = plan
    known_codes = {row.values.get("anr_code", "") for row in projects.rows}
    # Partner lines are no records of their own: a project may list one twice.
    rows.run(
        importer=importer,
        table=partners,
        columns=partner_columns,
        count_as="organisations",
        keyed=False,
        write=lambda number, values: _anr_partner(
            importer, known_codes, number, values
        ),
    )
    report.count("organisations", importer.funder_ensure())
    rows.run(
        importer=importer,
        table=projects,
        columns=project_columns,
        count_as="projects",
        write=lambda _number, values: importer.row_import(values),
    )


def _anr_partner(importer: AnrImporter, known_codes, number, values) -> str:
    if values["anr_code"] not in known_codes:
        raise RowProblems(
            [("anr_code", values["anr_code"], "projet absent du fichier des projets.")]
        )
    return importer.partner_import(number, values)


def _refused(message: str) -> str:
    return f"refusé par la base de données : {message}".strip()


def _reference_index_update(records: list[tuple[str, str, int]]) -> None:
    for app_label, model_name, pk in records:
        update_reference_index_task.enqueue(app_label, model_name, str(pk))
