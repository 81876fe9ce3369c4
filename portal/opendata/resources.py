"""What each export holds: one resource per registry entity, its rows and columns.

Rows are read with `iterator(chunk_size=…)` and prefetches, so an export holds one
chunk in memory whatever the size of the registry. Lists stay lists in JSON Lines
and are joined with " | " in CSV. A person's e-mail address is never a column.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _

from projects.models import Project, ProjectDataset, ProjectPartner
from registry.models import Dataset, Evaluation, Membership, Organisation, Person, Team

# Rows fetched per query: large enough that prefetches stay few, small enough
# that a chunk of projects with their relations stays a few megabytes.
CHUNK_SIZE = 500


def _slug(obj) -> str:
    return obj.slug if obj is not None else ""


def _slugs(manager) -> list[str]:
    return [item.slug for item in manager.all()]


def _tags(manager) -> list[str]:
    return sorted(tag.name for tag in manager.all())


@dataclass(frozen=True)
class Resource:
    """One downloadable table of the registry."""

    name: str
    label: str
    description: str
    queryset: Callable[[], QuerySet]
    columns: dict[str, Callable[[Any], Any]]

    def rows(self, *, chunk_size: int = CHUNK_SIZE) -> Iterator[dict]:
        for obj in self.queryset().iterator(chunk_size=chunk_size):
            yield {name: value(obj) for name, value in self.columns.items()}

    def count(self) -> int:
        return self.queryset().count()


def _organisations() -> QuerySet:
    return Organisation.objects.select_related("parent").order_by("slug")


def _teams() -> QuerySet:
    return (
        Team.objects.select_related("lead")
        .prefetch_related("parents", "expertise")
        .order_by("slug")
    )


def _people() -> QuerySet:
    return Person.objects.prefetch_related(
        "expertise",
        Prefetch(
            "memberships",
            queryset=Membership.objects.filter(end_date__isnull=True).select_related(
                "team"
            ),
            to_attr="current_memberships",
        ),
    ).order_by("slug")


def _datasets() -> QuerySet:
    return (
        Dataset.objects.select_related("producer")
        .prefetch_related("standards")
        .order_by("slug")
    )


def _projects() -> QuerySet:
    return (
        Project.objects.public()
        .select_related("lead_organisation", "lead_team")
        .prefetch_related(
            "domains",
            "techniques",
            "keywords",
            Prefetch(
                "partners",
                queryset=ProjectPartner.objects.select_related("team", "organisation"),
            ),
            "dataset_uses__dataset",
        )
        .order_by("slug")
    )


def _dataset_uses() -> QuerySet:
    return (
        ProjectDataset.objects.public()
        .select_related("project", "dataset")
        .order_by("project__slug", "dataset__slug", "pk")
    )


def _evaluations() -> QuerySet:
    return (
        Evaluation.objects.public()
        .select_related("project", "evaluator")
        .prefetch_related("scores__criterion")
        .order_by("reference")
    )


RESOURCES: dict[str, Resource] = {
    resource.name: resource
    for resource in [
        Resource(
            name="organisations",
            label=_("Organisations"),
            description=_("Organismes, universités, hôpitaux, agences et financeurs."),
            queryset=_organisations,
            columns={
                "slug": lambda o: o.slug,
                "name": lambda o: o.name,
                "acronym": lambda o: o.acronym,
                "kind": lambda o: o.kind,
                "ror_id": lambda o: o.ror_id,
                "website": lambda o: o.website,
                "city": lambda o: o.city,
                "parent": lambda o: _slug(o.parent),
                "source": lambda o: o.source,
                "is_fictional": lambda o: o.is_fictional,
                "updated_at": lambda o: o.updated_at,
            },
        ),
        Resource(
            name="equipes",
            label=_("Équipes"),
            description=_("Unités de recherche, laboratoires et équipes-projets."),
            queryset=_teams,
            columns={
                "slug": lambda t: t.slug,
                "name": lambda t: t.name,
                "acronym": lambda t: t.acronym,
                "kind": lambda t: t.kind,
                "rnsr": lambda t: t.rnsr,
                "parents": lambda t: _slugs(t.parents),
                "city": lambda t: t.city,
                "description": lambda t: t.description,
                "expertise": lambda t: _tags(t.expertise),
                "website": lambda t: t.website,
                "lead": lambda t: _slug(t.lead),
                "is_fictional": lambda t: t.is_fictional,
                "updated_at": lambda t: t.updated_at,
            },
        ),
        Resource(
            name="personnes",
            label=_("Personnes"),
            description=_("Chercheurs et chercheuses : champs publics seulement."),
            queryset=_people,
            columns={
                "slug": lambda p: p.slug,
                "first_name": lambda p: p.first_name,
                "last_name": lambda p: p.last_name,
                "orcid": lambda p: p.orcid,
                "title": lambda p: p.title,
                "expertise": lambda p: _tags(p.expertise),
                "teams": lambda p: [m.team.slug for m in p.current_memberships],
                "is_fictional": lambda p: p.is_fictional,
                "updated_at": lambda p: p.updated_at,
            },
        ),
        Resource(
            name="jeux-de-donnees",
            label=_("Jeux de données"),
            description=_(
                "Description des sources de données de santé et de leur accès."
            ),
            queryset=_datasets,
            columns={
                "slug": lambda d: d.slug,
                "name": lambda d: d.name,
                "acronym": lambda d: d.acronym,
                "producer": lambda d: _slug(d.producer),
                "kind": lambda d: d.kind,
                "description": lambda d: d.description,
                "population": lambda d: d.population,
                "period_start": lambda d: d.period_start,
                "period_end": lambda d: d.period_end,
                "access_route": lambda d: d.access_route,
                "access_procedure": lambda d: d.access_procedure,
                "access_url": lambda d: d.access_url,
                "standards": lambda d: [s.name for s in d.standards.all()],
                "landing_page": lambda d: d.landing_page,
                "source": lambda d: d.source,
                "region": lambda d: d.region,
                "data_controller": lambda d: d.data_controller,
                "information_url": lambda d: d.information_url,
                "objection_url": lambda d: d.objection_url,
                "objection_procedure": lambda d: d.objection_procedure,
                "is_fictional": lambda d: d.is_fictional,
                "updated_at": lambda d: d.updated_at,
            },
        ),
        Resource(
            name="projets",
            label=_("Projets"),
            description=_(
                "Projets publiés, avec leurs partenaires et jeux de données."
            ),
            queryset=_projects,
            columns={
                "slug": lambda p: p.slug,
                "title": lambda p: p.title,
                "title_en": lambda p: p.title_en,
                "acronym": lambda p: p.acronym,
                "summary": lambda p: p.summary,
                "status": lambda p: p.status,
                "trl": lambda p: p.trl,
                "stage": lambda p: str(p.stage.value),
                "start_date": lambda p: p.start_date,
                "end_date": lambda p: p.end_date,
                "domains": lambda p: _slugs(p.domains),
                "techniques": lambda p: _slugs(p.techniques),
                "keywords": lambda p: _tags(p.keywords),
                "lead_organisation": lambda p: _slug(p.lead_organisation),
                "lead_team": lambda p: _slug(p.lead_team),
                "partners": lambda p: [
                    _slug(partner.team or partner.organisation)
                    for partner in p.partners.all()
                ],
                "datasets": lambda p: [
                    use.dataset.slug for use in p.dataset_uses.all()
                ],
                "code_repository": lambda p: p.code_repository,
                "ce_class": lambda p: p.ce_class,
                "ai_act_risk": lambda p: p.ai_act_risk,
                "is_fictional": lambda p: p.is_fictional,
                "first_published_at": lambda p: p.first_published_at,
                "last_published_at": lambda p: p.last_published_at,
                "updated_at": lambda p: p.updated_at,
            },
        ),
        Resource(
            name="utilisations-de-donnees",
            label=_("Utilisations de données"),
            description=_(
                "Chaque jeu de données utilisé par un projet publié, avec la base "
                "juridique de cet usage."
            ),
            queryset=_dataset_uses,
            columns={
                "project": lambda u: u.project.slug,
                "dataset": lambda u: u.dataset.slug,
                "purpose": lambda u: u.purpose,
                "access_status": lambda u: u.access_status,
                "legal_framework": lambda u: u.legal_framework,
                "authorisation_reference": lambda u: u.authorisation_reference,
                "authorisation_date": lambda u: u.authorisation_date,
                "data_controller": lambda u: u.data_controller,
                "data_leave_source": lambda u: u.data_leave_source,
            },
        ),
        Resource(
            name="evaluations",
            label=_("Évaluations"),
            description=_("Évaluations publiées de projets publiés, avec leurs notes."),
            queryset=_evaluations,
            columns={
                "reference": lambda e: e.reference,
                "project": lambda e: e.project.slug,
                "model_version": lambda e: e.model_version,
                "evaluator": lambda e: e.evaluator.slug,
                "requested_on": lambda e: e.requested_on,
                "completed_on": lambda e: e.completed_on,
                "published_on": lambda e: e.published_on,
                "verdict": lambda e: e.verdict,
                "summary": lambda e: e.summary,
                "report_url": lambda e: e.report_url,
                "scores": lambda e: [
                    f"{score.criterion.code}:{score.score}" for score in e.scores.all()
                ],
                "is_fictional": lambda e: e.is_fictional,
            },
        ),
    ]
}

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/jsonl; charset=utf-8",
}


def plain(value: Any) -> Any:
    """A JSON-ready scalar (dates as ISO 8601, decimals as strings)."""
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value
