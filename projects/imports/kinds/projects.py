"""Projects, keyed on (acronym, lead organisation), always written as drafts.

An import never publishes: a new project is a draft with its first revision; a change
to an existing project is a new revision, and a published project keeps its live
version until a moderator publishes the change (the admin's moderation workflow).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from wagtail.actions.create import CreateAction
from wagtail.actions.edit import EditAction

from projects.imports import columns as c
from projects.imports.kinds.base import CREATED, UNCHANGED, UPDATED, KindImporter
from projects.imports.references import name_key
from projects.imports.report import RowProblems
from projects.models import (
    Domain,
    Project,
    ProjectDataset,
    ProjectFunding,
    ProjectPartner,
    Technique,
)
from registry.models import Organisation, Team

PROJECT_COLUMNS = (
    c.Column(
        "acronym",
        "Acronyme (clé, avec l’organisation porteuse).",
        "RETINO-IA",
        required=True,
        parse=c.text(40),
    ),
    c.Column(
        "lead_organisation",
        "Organisation porteuse : ROR, nom ou sigle d’une organisation connue.",
        "01hq89f96",
        required=True,
    ),
    c.Column(
        "title",
        "Titre.",
        "Dépistage de la rétinopathie diabétique",
        required=True,
        parse=c.text(255),
    ),
    c.Column(
        "summary",
        "Résumé.",
        "Un réseau convolutif lit les rétinographies.",
        required=True,
    ),
    c.Column("title_en", "Titre en anglais.", "", parse=c.text(255)),
    c.Column("summary_en", "Résumé en anglais.", ""),
    c.Column(
        "status",
        "Statut : " + ", ".join(Project.Status.values) + ".",
        "active",
        parse=c.choice(Project.Status),
    ),
    c.Column("trl", "Niveau de maturité (TRL), de 1 à 9.", "4", parse=c.integer(1, 9)),
    c.Column(
        "start_date",
        "Date de début (AAAA-MM-JJ ou JJ/MM/AAAA).",
        "2024-01-01",
        parse=c.date,
    ),
    c.Column("end_date", "Date de fin.", "", parse=c.date),
    c.Column(
        "lead_team", "Équipe porteuse : RNSR, nom ou sigle d’une équipe connue.", ""
    ),
    c.Column(
        "domains",
        "Domaines médicaux (slugs), séparés par |.",
        "ophtalmologie",
        many=True,
    ),
    c.Column(
        "techniques",
        "Techniques d’IA (slugs), séparés par |.",
        "reseaux-convolutifs",
        many=True,
    ),
    c.Column(
        "keywords",
        "Mots-clés, séparés par |.",
        "rétinopathie|dépistage",
        parse=c.text(100),
        many=True,
    ),
    c.Column(
        "partners",
        "Partenaires, séparés par | : RNSR ou nom d’une équipe, "
        "ROR ou nom d’une organisation.",
        "05qec5a53",
        many=True,
    ),
    c.Column(
        "datasets",
        "Jeux de données utilisés (slug, nom ou sigle), séparés par |.",
        "",
        many=True,
    ),
    c.Column(
        "funder",
        "Financeur : ROR, nom ou sigle d’une organisation connue.",
        "00rbzpz17",
    ),
    c.Column(
        "programme",
        "Programme ou appel du financement.",
        "AAPG 2024",
        parse=c.text(160),
    ),
    c.Column(
        "grant_reference",
        "Référence du financement.",
        "ANR-24-CE45-0001",
        parse=c.text(60),
    ),
    c.Column("amount_eur", "Montant en euros.", "450000", parse=c.amount),
)
SCALARS = {
    "acronym": "acronym",
    "title": "title",
    "summary": "summary",
    "title_en": "title_en",
    "summary_en": "summary_en",
    "status": "status",
    "trl": "trl",
    "start_date": "start_date",
    "end_date": "end_date",
}
NULLABLE = {"start_date", "end_date"}


@dataclass
class ProjectData:
    """A project as a file describes it; `None` relations are left as they are."""

    fields: dict[str, Any]
    partners: list[tuple[Team | None, Organisation | None, str]] | None = None
    domains: list[Domain] | None = None
    techniques: list[Technique] | None = None
    keywords: list[str] | None = None
    datasets: list[Any] | None = None
    fundings: list[tuple[Organisation, str, str, Any]] | None = field(default=None)


def _signatures(project: Project) -> dict[str, Any]:
    """What an import compares, read from a project or one of its revisions."""
    return {
        "partners": {
            (p.team_id, p.organisation_id, p.role) for p in project.partners.all()
        },
        "domains": {term.pk for term in project.domains.all()},
        "techniques": {term.pk for term in project.techniques.all()},
        "keywords": {tag.name for tag in project.keywords.all()},
        "datasets": {use.dataset_id for use in project.dataset_uses.all()},
        "fundings": {
            (f.funder_id, f.programme, f.grant_reference, f.amount_eur)
            for f in project.fundings.all()
        },
    }


def _wanted(data: ProjectData) -> dict[str, Any]:
    wanted = {}
    if data.partners is not None:
        wanted["partners"] = {
            (team.pk if team else None, org.pk if org else None, role)
            for team, org, role in data.partners
        }
    for name in ("domains", "techniques", "datasets"):
        if getattr(data, name) is not None:
            wanted[name] = {record.pk for record in getattr(data, name)}
    if data.keywords is not None:
        wanted["keywords"] = set(data.keywords)
    if data.fundings is not None:
        wanted["fundings"] = {
            (funder.pk, programme, reference, amount)
            for funder, programme, reference, amount in data.fundings
        }
    return wanted


def _relations_apply(project: Project, data: ProjectData, names: set[str]) -> None:
    if "partners" in names:
        project.partners = [
            ProjectPartner(team=team, organisation=organisation, role=role)
            for team, organisation, role in data.partners
        ]
    if "domains" in names:
        project.domains.set(data.domains)
    if "techniques" in names:
        project.techniques.set(data.techniques)
    if "keywords" in names:
        project.keywords.set(data.keywords)
    if "datasets" in names:
        kept = {
            use.dataset_id: use
            for use in project.dataset_uses.all()
            if use.dataset_id in {dataset.pk for dataset in data.datasets}
        }
        project.dataset_uses = [
            kept.get(dataset.pk) or ProjectDataset(dataset=dataset)
            for dataset in data.datasets
        ]
    if "fundings" in names:
        project.fundings = [
            ProjectFunding(
                funder=funder,
                programme=programme,
                grant_reference=reference,
                amount_eur=amount,
            )
            for funder, programme, reference, amount in data.fundings
        ]


def project_import(importer: KindImporter, data: ProjectData) -> str:
    """Create or revise the draft of one project; `unchanged` writes nothing."""
    existing = Project.objects.filter(
        acronym__iexact=data.fields["acronym"],
        lead_organisation=data.fields["lead_organisation"],
    ).first()
    user = importer.context.user
    wanted = _wanted(data)
    if existing is None:
        project = Project(**data.fields)
        _relations_apply(project, data, set(wanted))
        _clean(importer, project)
        CreateAction(project, user=user, publish=False, clean=False).execute(
            skip_permission_checks=True
        )
        importer.context.provenance_record(project, CREATED)
        return CREATED
    # The latest revision is what moderators see: compare with it, not the live row.
    draft = existing.get_latest_revision_as_object()
    changed = importer.assign(draft, data.fields)
    current = _signatures(draft)
    relations = {name for name, value in wanted.items() if current[name] != value}
    if not changed and not relations:
        return UNCHANGED
    _relations_apply(draft, data, relations)
    _clean(importer, draft)
    EditAction(draft, user=user, publish=False, clean=False).execute(
        skip_permission_checks=True
    )
    importer.context.provenance_record(draft, UPDATED)
    return UPDATED


def _clean(importer: KindImporter, project: Project) -> None:
    try:
        project.full_clean()
    except ValidationError as error:
        raise RowProblems(importer.validation_problems(error, project)) from None


class ProjectImporter(KindImporter):
    kind = "projects"
    label = "Projets"
    columns = PROJECT_COLUMNS
    reference_columns = {
        "lead_organisation": "organisation",
        "lead_team": "team",
        "domains": "domain",
        "techniques": "technique",
        "partners": "partner",
        "datasets": "dataset",
        "funder": "organisation",
    }
    key_help = "l’acronyme et l’organisation porteuse"
    field_columns = {
        **SCALARS,
        "lead_organisation": "lead_organisation",
        "lead_team": "lead_team",
    }

    def key(self, values: dict[str, Any]) -> tuple | None:
        return (
            "project",
            name_key(values.get("acronym", "")),
            name_key(values.get("lead_organisation", "")),
        )

    def key_columns(self, values: dict[str, Any]) -> str:
        return "acronym"

    def row_import(self, values: dict[str, Any]) -> str:
        problems = self.reference_problems(values)
        if problems:
            raise RowProblems(problems)
        refs = self.references
        fields = {
            name: (
                None if name in NULLABLE and values[column] == "" else values[column]
            )
            for name, column in SCALARS.items()
            if column in values
        }
        for name in ("status", "trl"):
            if fields.get(name) in ("", None):
                fields.pop(name, None)
        fields["lead_organisation"] = refs.organisations.find(
            values["lead_organisation"]
        )
        if "lead_team" in values:
            fields["lead_team"] = (
                refs.teams.find(values["lead_team"]) if values["lead_team"] else None
            )
        data = ProjectData(fields=fields)
        if "domains" in values:
            data.domains = [refs.term(Domain, slug) for slug in values["domains"]]
        if "techniques" in values:
            data.techniques = [
                refs.term(Technique, slug) for slug in values["techniques"]
            ]
        if "keywords" in values:
            data.keywords = values["keywords"]
        if "datasets" in values:
            data.datasets = [refs.datasets.find(ref) for ref in values["datasets"]]
        if "partners" in values:
            data.partners = [self._partner(ref) for ref in values["partners"]]
        if "funder" in values:
            data.fundings = (
                [
                    (
                        refs.organisations.find(values["funder"]),
                        values.get("programme", ""),
                        values.get("grant_reference", ""),
                        values.get("amount_eur") or None,
                    )
                ]
                if values["funder"]
                else []
            )
        return project_import(self, data)

    def _partner(self, reference: str):
        """A partner is a team when a team answers to the name, else an organisation."""
        team = self.references.teams.find(reference)
        organisation = None if team else self.references.organisations.find(reference)
        return team, organisation, ProjectPartner.Role.PARTNER
