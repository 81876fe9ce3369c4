"""What every kind of import shares: the run's context, the field-by-field upsert that
writes only what changed, and the mapping of model errors back to file columns."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import (
    NON_FIELD_ERRORS,
    ObjectDoesNotExist,
    ValidationError,
)
from django.db.models import Model, Q, UniqueConstraint

from projects.imports.batch import BatchWriter
from projects.imports.columns import Column
from projects.imports.models import ImportedRecord, ImportRun
from projects.imports.references import References
from projects.imports.report import ImportReport, RowProblems
from registry.models.base import RegistryEntry

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"
UNKNOWN_REFERENCE = {
    "organisation": "organisation inconnue.",
    "team": "équipe inconnue.",
    "dataset": "jeu de données inconnu.",
    "partner": "ni équipe ni organisation connue sous ce nom.",
    "domain": "terme inconnu (slug attendu).",
    "technique": "terme inconnu (slug attendu).",
}


@dataclass
class RunContext:
    """What a kind's importer needs besides the row: lookups, the report, provenance."""

    run: ImportRun | None
    source: str
    file_name: str
    user: AbstractBaseUser | None = None
    # Values for new records when the file leaves a column out (a preset's kind).
    defaults: dict[str, Any] = field(default_factory=dict)
    references: References = field(default_factory=References)
    report: ImportReport = field(default_factory=ImportReport)
    # (app label, model name, pk) of every record written, for after-commit work.
    touched: set[tuple[str, str, int]] = field(default_factory=set)
    # Provenance of the records this run wrote, written in bulk at the end: one
    # INSERT (and one UPDATE) per thousand records rather than a SELECT, a
    # savepoint and an INSERT per row.
    provenance_pending: dict[tuple[int, int], ImportedRecord] = field(
        default_factory=dict
    )
    # Set while a batched kind's rows are read: its writes wait there (batch.py).
    batch: BatchWriter | None = None

    def provenance_record(self, record: Model, outcome: str) -> None:
        """Note which run created or last changed `record`, and from which source."""
        if outcome == UNCHANGED:
            return
        if self.batch is not None and record.pk is None:
            self.batch.provenance(record, outcome)  # noted once written
            return
        self.touched.add((record._meta.app_label, record._meta.model_name, record.pk))
        content_type = ContentType.objects.get_for_model(record)
        defaults = {
            "source": self.source,
            "file_name": self.file_name,
            "updated_by_run": self.run,
        }
        key = (content_type.pk, record.pk)
        if key in self.provenance_pending:  # written earlier in this run
            for name, value in defaults.items():
                setattr(self.provenance_pending[key], name, value)
        else:
            self.provenance_pending[key] = ImportedRecord(
                content_type=content_type,
                object_id=record.pk,
                created_by_run=self.run if outcome == CREATED else None,
                **defaults,
            )

    def provenance_flush(self) -> None:
        """Write the pending provenance (inside the import's transaction): the
        records that have one already keep their creator, the others get one."""
        pending = self.provenance_pending
        existing = []
        by_type = defaultdict(list)
        for content_type_id, object_id in pending:
            by_type[content_type_id].append(object_id)
        for content_type_id, object_ids in by_type.items():
            for start in range(0, len(object_ids), 1000):
                existing += ImportedRecord.objects.filter(
                    content_type_id=content_type_id,
                    object_id__in=object_ids[start : start + 1000],
                )
        changed = ["source", "file_name", "updated_by_run"]
        for record in existing:
            wanted = pending.pop((record.content_type_id, record.object_id))
            for name in changed:
                setattr(record, name, getattr(wanted, name))
        ImportedRecord.objects.bulk_update(existing, changed, batch_size=1000)
        ImportedRecord.objects.bulk_create(pending.values(), batch_size=1000)
        pending.clear()


class Changed(list):
    """The names of the fields `assign` changed, and their old values by attname."""

    def __init__(self, names: list[str], before: dict[str, Any]) -> None:
        super().__init__(names)
        self.before = before


class KindImporter:
    """One kind of record: its columns, its upsert key, and how a row is written."""

    kind: ClassVar[str]
    label: ClassVar[str]
    columns: ClassVar[tuple[Column, ...]]
    key_help: ClassVar[str]
    # Model field → file column, to report a model's own validation errors.
    field_columns: ClassVar[dict[str, str]] = {}
    # File column → what it names, checked even on rows whose other cells are bad.
    reference_columns: ClassVar[dict[str, str]] = {}
    # Rows checked one by one, then written in batches (batch.py): for the kinds
    # whose writes are plain rows (not Wagtail revisions).
    batched: ClassVar[bool] = False

    def __init__(self, context: RunContext) -> None:
        self.context = context

    @property
    def references(self) -> References:
        return self.context.references

    def key(self, values: dict[str, Any]) -> tuple | None:
        """The upsert key of a row, to find two rows that describe the same record."""
        raise NotImplementedError

    def key_columns(self, values: dict[str, Any]) -> str:
        """The column(s) a duplicate key is reported on."""
        raise NotImplementedError

    def row_import(self, values: dict[str, Any]) -> str:
        """Create, update or leave one record; return the outcome. Raise RowProblems."""
        raise NotImplementedError

    def reference_problems(self, values: dict[str, Any]) -> list[tuple[str, str, str]]:
        """Every reference of a row that names nothing the registry (or an earlier
        row) knows; used for rows that cannot be written, to report all at once."""
        problems = []
        for column, what in self.reference_columns.items():
            raw = values.get(column) or []
            for reference in raw if isinstance(raw, list) else [raw]:
                if not self._reference_found(what, reference):
                    problems.append((column, reference, UNKNOWN_REFERENCE[what]))
        return problems

    def _reference_found(self, what: str, reference: str) -> bool:
        from projects.models import Domain, Technique

        refs = self.references
        if what == "organisation":
            return refs.organisations.find(reference) is not None
        if what == "team":
            return refs.teams.find(reference) is not None
        if what == "dataset":
            return refs.datasets.find(reference) is not None
        if what == "partner":
            return bool(
                refs.teams.find(reference) or refs.organisations.find(reference)
            )
        model = Domain if what == "domain" else Technique
        return refs.term(model, reference) is not None

    # --- helpers for the kinds ---------------------------------------------------

    def assign(self, instance: Model, values: dict[str, Any]) -> Changed:
        """Set the fields whose value differs; return their names (and old values)."""
        names = [
            name for name, value in values.items() if _current(instance, name) != value
        ]
        before = {}
        for name in names:
            attname = instance._meta.get_field(name).attname
            before[attname] = getattr(instance, attname, None)
            setattr(instance, name, values[name])
        return Changed(names, before)

    def save(
        self,
        instance: Model,
        *,
        is_new: bool,
        changed: list[str],
        unique_known: tuple[str, ...] = (),
    ) -> str:
        """Validate with the model's own rules, then write only if something changed.

        `unique_known`: fields whose value the caller has just looked up in an index
        of every record of the run (ORCID, ROR id) and found free."""
        skipped = _checks_known_to_pass(instance) + list(unique_known)
        if not is_new:
            # A unique value the row leaves as it is was unique in the database.
            skipped += [
                name for name in _unique_fields(instance) if name not in changed
            ]
        if is_new and isinstance(instance, RegistryEntry) and not instance.slug:
            instance.slug = self.references.slug_allocate(instance)
            skipped.append("slug")  # free among every slug the run has loaded
        try:
            instance.full_clean(exclude=skipped)
        except ValidationError as error:
            raise RowProblems(self.validation_problems(error, instance)) from None
        if is_new:
            self.write(instance, is_new=True)
            return CREATED
        if changed:
            self.write(instance, is_new=False, changed=changed)
            return UPDATED
        return UNCHANGED

    def write(
        self, instance: Model, *, is_new: bool, changed: Changed | None = None
    ) -> None:
        """Save now, or hand to the run's batch (a batched kind: `batched`)."""
        if self.context.batch is not None:
            before = {} if is_new else changed.before
            self.context.batch.record(instance, is_new=is_new, before=before)
        elif is_new:
            instance.save()
        else:
            fields = [*changed]
            if any(f.name == "updated_at" for f in instance._meta.concrete_fields):
                fields.append("updated_at")
            instance.save(update_fields=fields)

    def validation_problems(
        self, error: ValidationError, instance: Model
    ) -> list[tuple[str, str, str]]:
        if not hasattr(error, "error_dict"):
            return [("-", "", message) for message in error.messages]
        problems = []
        for name, messages in error.message_dict.items():
            column = self.field_columns.get(
                name, "-" if name == NON_FIELD_ERRORS else name
            )
            value = "" if name == NON_FIELD_ERRORS else str(getattr(instance, name, ""))
            problems.extend((column, value, message) for message in messages)
        return problems

    @staticmethod
    def set_changed(current: Iterable, wanted: Iterable) -> bool:
        return set(current) != set(wanted)

    def outcome_merge(self, outcome: str, *, related_changed: bool) -> str:
        """A record whose own fields did not change is updated if a relation did."""
        return UPDATED if outcome == UNCHANGED and related_changed else outcome


def _checks_known_to_pass(instance: Model) -> list[str]:
    """Fields whose database checks `full_clean` would run for nothing, one query
    each per row: the uniqueness of a blank value (the slug is made unique on
    save; a blank ROR id is outside its unique constraint) and the existence of a
    related record the run's indexes have just handed over."""
    skipped = []
    for model_field in instance._meta.concrete_fields:
        value = getattr(instance, model_field.attname)
        if model_field.unique and model_field.blank and value in ("", None):
            skipped.append(model_field.name)
        elif (
            model_field.is_relation
            and value is not None
            and model_field.is_cached(instance)
            and getattr(instance, model_field.name).pk == value
        ):
            skipped.append(model_field.name)
    # "Unique unless blank" (ROR id, RNSR, ORCID) on a blank value.
    for constraint in instance._meta.constraints:
        if not isinstance(constraint, UniqueConstraint) or len(constraint.fields) != 1:
            continue
        (name,) = constraint.fields
        if constraint.condition == ~Q(**{name: ""}) and getattr(instance, name) == "":
            skipped.append(name)
    return skipped


def _unique_fields(instance: Model) -> list[str]:
    """Fields unique on their own, by the field or by a one-field constraint."""
    names = [f.name for f in instance._meta.concrete_fields if f.unique]
    names += [
        constraint.fields[0]
        for constraint in instance._meta.constraints
        if isinstance(constraint, UniqueConstraint) and len(constraint.fields) == 1
    ]
    return names


def _current(instance: Model, name: str) -> Any:
    """A field's value; None for a relation a new record does not have yet."""
    try:
        return getattr(instance, name)
    except ObjectDoesNotExist:
        return None
