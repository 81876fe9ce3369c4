"""What every kind of import shares: the run's context, the field-by-field upsert that
writes only what changed, and the mapping of model errors back to file columns."""

from __future__ import annotations

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
    # Provenance of the records this run created, written in bulk at the end: a
    # new record has none yet, so one INSERT per thousand rows replaces a
    # SELECT, a savepoint and an INSERT per row.
    provenance_pending: dict[tuple[int, int], ImportedRecord] = field(
        default_factory=dict
    )

    def provenance_record(self, record: Model, outcome: str) -> None:
        """Note which run created or last changed `record`, and from which source."""
        if outcome == UNCHANGED:
            return
        self.touched.add((record._meta.app_label, record._meta.model_name, record.pk))
        content_type = ContentType.objects.get_for_model(record)
        defaults = {
            "source": self.source,
            "file_name": self.file_name,
            "updated_by_run": self.run,
        }
        key = (content_type.pk, record.pk)
        if outcome == CREATED:
            self.provenance_pending[key] = ImportedRecord(
                content_type=content_type,
                object_id=record.pk,
                created_by_run=self.run,
                **defaults,
            )
        elif key in self.provenance_pending:  # created earlier in this run
            for name, value in defaults.items():
                setattr(self.provenance_pending[key], name, value)
        else:
            ImportedRecord.objects.update_or_create(
                content_type=content_type, object_id=record.pk, defaults=defaults
            )

    def provenance_flush(self) -> None:
        """Write the pending provenance (inside the import's transaction)."""
        ImportedRecord.objects.bulk_create(
            self.provenance_pending.values(), batch_size=1000
        )
        self.provenance_pending.clear()


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

    def assign(self, instance: Model, values: dict[str, Any]) -> list[str]:
        """Set the fields whose value differs; return their names."""
        changed = [
            name for name, value in values.items() if _current(instance, name) != value
        ]
        for name in changed:
            setattr(instance, name, values[name])
        return changed

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
        if is_new and isinstance(instance, RegistryEntry) and not instance.slug:
            instance.slug = self.references.slug_allocate(instance)
            skipped.append("slug")  # free among every slug the run has loaded
        try:
            instance.full_clean(exclude=skipped)
        except ValidationError as error:
            raise RowProblems(self.validation_problems(error, instance)) from None
        if is_new:
            instance.save()
            return CREATED
        if changed:
            instance.save(update_fields=[*changed, "updated_at"])
            return UPDATED
        return UNCHANGED

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


def _current(instance: Model, name: str) -> Any:
    """A field's value; None for a relation a new record does not have yet."""
    try:
        return getattr(instance, name)
    except ObjectDoesNotExist:
        return None
