"""Organisations, keyed on their ROR id; on name + city for those without one."""

from __future__ import annotations

from typing import Any

from projects.imports import columns as c
from projects.imports.kinds.base import KindImporter
from projects.imports.references import city_key, name_key
from projects.imports.report import RowProblems
from registry.models import Organisation

ORGANISATION_COLUMNS = (
    c.Column(
        "ror",
        "Identifiant ROR (02vjkv261 ou https://ror.org/02vjkv261).",
        "01hq89f96",
        parse=c.ror,
    ),
    c.Column(
        "name",
        "Nom complet.",
        "Centre hospitalier universitaire de Bordeaux",
        required=True,
        parse=c.text(255),
    ),
    c.Column("acronym", "Sigle.", "CHU Bordeaux", parse=c.text(40)),
    c.Column(
        "kind",
        "Type : " + ", ".join(Organisation.Kind.values) + " (autre si vide).",
        "hospital",
        parse=c.choice(Organisation.Kind),
    ),
    c.Column("city", "Ville.", "Bordeaux", parse=c.text(120)),
    c.Column(
        "website", "Site web (https://…).", "https://www.chu-bordeaux.fr", parse=c.url
    ),
    c.Column(
        "parent",
        "Organisation parente : ROR, nom ou sigle d’une organisation "
        "connue ou d’une ligne précédente.",
        "",
    ),
)


class OrganisationImporter(KindImporter):
    kind = "organisations"
    label = "Organisations"
    columns = ORGANISATION_COLUMNS
    reference_columns = {"parent": "organisation"}
    batched = True
    key_help = (
        "l’identifiant ROR ; sans ROR, le nom et la ville (accents, casse, "
        "ponctuation et « Cedex » ignorés)"
    )
    field_columns = {
        "ror_id": "ror",
        "name": "name",
        "acronym": "acronym",
        "kind": "kind",
        "city": "city",
        "website": "website",
        "parent": "parent",
    }

    def key(self, values: dict[str, Any]) -> tuple | None:
        if values.get("ror"):
            return ("ror", values["ror"])
        return (
            "name",
            name_key(values.get("name", "")),
            city_key(values.get("city", "")),
        )

    def key_columns(self, values: dict[str, Any]) -> str:
        return "ror" if values.get("ror") else "name"

    def row_import(self, values: dict[str, Any]) -> str:
        index = self.references.organisations
        ror = values.get("ror", "")
        organisation = index.by_ror.get(ror) if ror else None
        if organisation is None:
            organisation = index.find_by_name_city(
                values["name"], values.get("city", "")
            )
            if organisation and ror and organisation.ror_id not in ("", ror):
                organisation = None  # same name and city, another ROR: another body
        fields = {
            model_field: values[column]
            for model_field, column in self.field_columns.items()
            if column in values and column != "parent"
        }
        if not fields.get("ror_id"):
            # A row without ROR id never erases one the registry already knows.
            fields.pop("ror_id", None)
        if "parent" in values:
            fields["parent"] = self._parent(values["parent"], organisation)
        is_new = organisation is None
        if is_new:
            organisation = Organisation(source=self.context.source)
            fields["kind"] = fields.get("kind") or self.context.defaults.get(
                "kind", Organisation.Kind.OTHER
            )
        elif not fields.get("kind"):
            fields.pop("kind", None)
        changed = self.assign(organisation, fields)
        outcome = self.save(
            organisation,
            is_new=is_new,
            changed=changed,
            # Every ROR id of the registry is in the index: a new one is free.
            unique_known=("ror_id",) if is_new and ror else (),
        )
        index.add(organisation)
        self.context.provenance_record(organisation, outcome)
        return outcome

    def _parent(self, reference: str, organisation: Organisation | None):
        if not reference:
            return None
        parent = self.references.organisations.find(reference)
        if parent is None:
            raise RowProblems([("parent", reference, "organisation inconnue.")])
        if parent.pk is None and self.context.batch is not None:
            self.context.batch.flush()  # a parent from a pending row: written first
        if organisation is not None and parent.pk == organisation.pk:
            raise RowProblems(
                [
                    (
                        "parent",
                        reference,
                        "une organisation ne peut être sa propre parente.",
                    )
                ]
            )
        return parent
