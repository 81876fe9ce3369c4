"""Dataset descriptions, keyed on their slug when the file gives it, else their name."""

from __future__ import annotations

from typing import Any

from projects.imports import columns as c
from projects.imports.kinds.base import KindImporter
from projects.imports.references import name_key
from projects.imports.report import RowProblems
from registry.models import Dataset
from registry.models.datasets import Region
from registry.services import data_standard_get_or_create

DATASET_COLUMNS = (
    c.Column(
        "slug",
        "Identifiant dans l’adresse de la fiche (clé de mise à jour).",
        "cohorte-constances",
        parse=c.text(80),
    ),
    c.Column("name", "Nom.", "Cohorte Constances", required=True, parse=c.text(255)),
    c.Column("acronym", "Sigle.", "Constances", parse=c.text(40)),
    c.Column(
        "producer",
        "Producteur : ROR, nom ou sigle d’une organisation connue.",
        "02vjkv261",
        required=True,
    ),
    c.Column(
        "kind",
        "Type : " + ", ".join(Dataset.Kind.values) + ".",
        "cohort",
        required=True,
        parse=c.choice(Dataset.Kind),
    ),
    c.Column(
        "description", "Description.", "Cohorte de 220 000 adultes.", required=True
    ),
    c.Column("description_en", "Description en anglais.", ""),
    c.Column(
        "population",
        "Population couverte.",
        "Adultes de 18 à 69 ans",
        parse=c.text(255),
    ),
    c.Column(
        "period_start", "Première année couverte.", "2012", parse=c.integer(1800, 2100)
    ),
    c.Column(
        "period_end",
        "Dernière année couverte (vide si en cours).",
        "",
        parse=c.integer(1800, 2100),
    ),
    c.Column(
        "access_route",
        "Voie d’accès : " + ", ".join(Dataset.AccessRoute.values) + ".",
        "cohort",
        required=True,
        parse=c.choice(Dataset.AccessRoute),
    ),
    c.Column(
        "access_procedure",
        "Procédure d’accès.",
        "Dossier au comité d’accès.",
        required=True,
    ),
    c.Column("access_url", "Lien vers la procédure.", "", parse=c.url),
    c.Column(
        "landing_page",
        "Page de présentation.",
        "https://www.constances.fr",
        parse=c.url,
    ),
    c.Column(
        "standards",
        "Standards suivis, séparés par |.",
        "OMOP|FHIR",
        parse=c.text(80),
        many=True,
    ),
    # What a citizen needs to know and do (issue 18).
    c.Column(
        "region",
        "Région où les patients ont été soignés (code : "
        + ", ".join(code for code in Region.values if code)
        + ") ; vide pour une source nationale.",
        "",
        parse=c.choice(Region),
    ),
    c.Column(
        "data_controller",
        "Responsable du traitement des données de la source.",
        "Inserm",
        parse=c.text(255),
    ),
    c.Column(
        "information_url",
        "Page d’information du public.",
        "https://www.constances.fr",
        parse=c.url,
    ),
    c.Column(
        "objection_url", "Lien pour exercer le droit d’opposition.", "", parse=c.url
    ),
    c.Column(
        "objection_procedure",
        "Comment s’opposer, en langage clair.",
        "Écrire à l’équipe de la cohorte.",
    ),
)
NULLABLE = {"period_start", "period_end"}


class DatasetImporter(KindImporter):
    kind = "datasets"
    label = "Jeux de données"
    columns = DATASET_COLUMNS
    reference_columns = {"producer": "organisation"}
    key_help = "le slug s’il est donné, sinon le nom (ou le sigle)"
    field_columns = {
        name: name
        for name in (
            "name",
            "acronym",
            "kind",
            "description",
            "description_en",
            "population",
            "period_start",
            "period_end",
            "access_route",
            "access_procedure",
            "access_url",
            "landing_page",
            "region",
            "data_controller",
            "information_url",
            "objection_url",
            "objection_procedure",
        )
    } | {"producer": "producer", "slug": "slug"}

    def key(self, values: dict[str, Any]) -> tuple | None:
        if values.get("slug"):
            return ("slug", values["slug"])
        return ("name", name_key(values.get("name", "")))

    def key_columns(self, values: dict[str, Any]) -> str:
        return "slug" if values.get("slug") else "name"

    def row_import(self, values: dict[str, Any]) -> str:
        index = self.references.datasets
        dataset = index.find(values.get("slug") or values["name"])
        producer = self.references.organisations.find(values["producer"])
        if producer is None:
            raise RowProblems(
                [("producer", values["producer"], "organisation inconnue.")]
            )
        fields = {
            name: (
                values[column] if values[column] != "" or name not in NULLABLE else None
            )
            for name, column in self.field_columns.items()
            if column in values and name not in {"producer", "slug"}
        }
        fields["producer"] = producer
        is_new = dataset is None
        if is_new:
            dataset = Dataset(source=self.context.source, slug=values.get("slug", ""))
        changed = self.assign(dataset, fields)
        outcome = self.save(dataset, is_new=is_new, changed=changed)
        if "standards" in values:
            current = [] if is_new else dataset.standards.values_list("name", flat=True)
            if self.set_changed(current, values["standards"]):
                dataset.standards.set(
                    [
                        data_standard_get_or_create(name=name)
                        for name in values["standards"]
                    ]
                )
                outcome = self.outcome_merge(outcome, related_changed=True)
        index.add(dataset)
        self.context.provenance_record(dataset, outcome)
        return outcome
