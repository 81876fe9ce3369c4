"""The datasets a project uses, one row per use, with its legal basis (issue 18).

Keyed on (project acronym, lead organisation, dataset). Like the projects kind, it
never publishes: a change is a new revision of the project for moderators to publish.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from wagtail.actions.edit import EditAction

from projects.imports import columns as c
from projects.imports.kinds.base import CREATED, UNCHANGED, UPDATED, KindImporter
from projects.imports.references import name_key
from projects.imports.report import RowProblems
from projects.models import Project, ProjectDataset
from projects.models.legal_basis import LegalFramework

DATASET_USE_COLUMNS = (
    c.Column(
        "project",
        "Acronyme d’un projet existant (clé, avec l’organisation porteuse).",
        "RETINO-IA",
        required=True,
        parse=c.text(40),
    ),
    c.Column(
        "lead_organisation",
        "Organisation porteuse du projet : ROR, nom ou sigle.",
        "01hq89f96",
        required=True,
    ),
    c.Column(
        "dataset",
        "Jeu de données utilisé (slug, nom ou sigle).",
        "SNDS",
        required=True,
    ),
    c.Column("purpose", "Usage des données.", "entraînement", parse=c.text(255)),
    c.Column(
        "access_status",
        "Statut de l’accès : " + ", ".join(ProjectDataset.AccessStatus.values) + ".",
        "granted",
        parse=c.choice(ProjectDataset.AccessStatus),
    ),
    c.Column(
        "legal_framework",
        "Cadre juridique : "
        + ", ".join(code for code in LegalFramework.values if code)
        + ".",
        "mr-004",
        parse=c.choice(LegalFramework),
    ),
    c.Column(
        "authorisation_reference",
        "Numéro de l’autorisation de la CNIL (vide pour une méthodologie de "
        "référence).",
        "",
        parse=c.text(80),
    ),
    c.Column(
        "authorisation_date",
        "Date de l’autorisation (AAAA-MM-JJ ou JJ/MM/AAAA).",
        "",
        parse=c.date,
    ),
    c.Column(
        "data_controller",
        "Responsable du traitement.",
        "CHU de Bordeaux",
        parse=c.text(255),
    ),
    c.Column(
        "data_leave_source",
        "Les données sortent-elles de l’environnement sécurisé de la source "
        "(oui/non, vide si inconnu) ?",
        "non",
        parse=c.boolean,
    ),
)
# Model field → file column: the link's own columns.
USE_FIELDS = {
    "purpose": "purpose",
    "access_status": "access_status",
    "legal_framework": "legal_framework",
    "authorisation_reference": "authorisation_reference",
    "authorisation_date": "authorisation_date",
    "data_controller": "data_controller",
    "data_leave_source": "data_leave_source",
}
NULLABLE = {"authorisation_date", "data_leave_source"}


class DatasetUseImporter(KindImporter):
    kind = "dataset_uses"
    label = "Jeux de données utilisés par les projets"
    columns = DATASET_USE_COLUMNS
    reference_columns = {"lead_organisation": "organisation", "dataset": "dataset"}
    key_help = "l’acronyme du projet, son organisation porteuse et le jeu de données"
    field_columns = USE_FIELDS

    def key(self, values: dict[str, Any]) -> tuple | None:
        return (
            "dataset_use",
            name_key(values.get("project", "")),
            name_key(values.get("lead_organisation", "")),
            name_key(values.get("dataset", "")),
        )

    def key_columns(self, values: dict[str, Any]) -> str:
        return "project"

    def row_import(self, values: dict[str, Any]) -> str:
        problems = self.reference_problems(values)
        if problems:
            raise RowProblems(problems)
        refs = self.references
        project = Project.objects.filter(
            acronym__iexact=values["project"],
            lead_organisation=refs.organisations.find(values["lead_organisation"]),
        ).first()
        if project is None:
            raise RowProblems(
                [
                    (
                        "project",
                        values["project"],
                        "projet inconnu pour cette organisation.",
                    )
                ]
            )
        dataset = refs.datasets.find(values["dataset"])
        fields = {
            name: (
                None if name in NULLABLE and values[column] == "" else values[column]
            )
            for name, column in USE_FIELDS.items()
            if column in values
        }
        if fields.get("access_status") == "":
            fields.pop("access_status")
        # The latest revision is what moderators see: change it, not the live row.
        draft = project.get_latest_revision_as_object()
        uses = list(draft.dataset_uses.all())
        use = next((u for u in uses if u.dataset_id == dataset.pk), None)
        outcome = UPDATED
        if use is None:
            use = ProjectDataset(dataset=dataset)
            uses.append(use)
            outcome = CREATED
        changed = self.assign(use, fields)
        if outcome == UPDATED and not changed:
            return UNCHANGED
        try:
            use.full_clean(exclude=["project", "dataset"])
        except ValidationError as error:
            raise RowProblems(self.validation_problems(error, use)) from None
        draft.dataset_uses = uses
        EditAction(draft, user=self.context.user, publish=False, clean=False).execute(
            skip_permission_checks=True
        )
        self.context.provenance_record(project, UPDATED)
        return outcome
