"""Project documents, facets and matching profiles read set by set: a few
`values_list` queries per batch of projects (one per relation), never one per project
or one model instance per related row. The rebuild of the index at national scale
depends on it (issue 15); the document is the same as the one field by field.
"""

import gc
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import connection
from django.db.models.expressions import RawSQL
from django.urls import reverse
from django.utils import translation
from django.utils.html import strip_tags

from projects.institutes import project_institute_pairs
from projects.models import Domain, Project, ProjectDataset, ProjectMember, Technique
from projects.models.project import ProjectKeyword, ProjectPartner, stage_for_trl
from registry.models import Dataset, Evaluation, Organisation, Person, Team
from search.matching.lexicon import project_profile_text

FACETS = ("institutes", "teams", "domains", "techniques", "datasets")
# Facet → the lookups from a project to its values (institutes: projects/institutes).
FACET_LOOKUPS = {
    "teams": ("lead_team", "partners__team"),
    "domains": ("domains", "domains__parent"),
    "techniques": ("techniques", "techniques__parent"),
    "datasets": ("dataset_uses__dataset",),
}


@dataclass(frozen=True)
class Term:
    name: str
    name_en: str


def among(ids: Iterable[int]):
    """A right-hand side for `__in` with many ids: one array parameter on PostgreSQL
    (a list of thousands of parameters costs more to plan than to run)."""
    ids = list(ids)
    if connection.vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::bigint[])", (ids,))
    return ids


def public_projects(ids: Iterable[int]):
    return Project.objects.public().filter(pk__in=among(ids)).order_by()


def project_facet_sets(ids: Iterable[int] | None) -> dict[int, dict[str, set[str]]]:
    """Project id → facet → values, for the public projects among `ids` (every
    public project if None: one pass over each relation)."""
    projects = (
        Project.objects.public().order_by() if ids is None else public_projects(ids)
    )
    with cycle_collection_paused():
        return _facet_sets(projects)


@contextmanager
def cycle_collection_paused() -> Iterator[None]:
    """Pause Python's cycle collector while a batch allocates its many small sets:
    it would otherwise walk every one of them again and again (no cycles are made)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _facet_sets(projects) -> dict[int, dict[str, set[str]]]:
    facets: dict[int, dict[str, set[str]]] = {
        pk: {facet: set() for facet in FACETS}
        for pk in projects.values_list("pk", flat=True)
    }
    for pk, institute in project_institute_pairs(projects):
        facets[pk]["institutes"].add(str(institute))
    for facet, lookups in FACET_LOOKUPS.items():
        for lookup in lookups:
            for pk, value in projects.values_list("pk", lookup):
                if value is not None:
                    facets[pk][facet].add(str(value))
    return facets


def _pairs(queryset, key: str, *values: str) -> dict[int, list]:
    grouped: dict[int, list] = defaultdict(list)
    for row in queryset.order_by(key, "pk").values_list(key, *values):
        grouped[row[0]].append(row[1] if len(values) == 1 else row[1:])
    return grouped


def _terms() -> tuple[dict[int, Term], dict[int, Term]]:
    def load(model) -> dict[int, Term]:
        return {
            pk: Term(name, name_en)
            for pk, name, name_en in model.objects.values_list("pk", "name", "name_en")
        }

    return load(Domain), load(Technique)


def _project_relations(ids: list[int]) -> dict[str, dict[int, list]]:
    """Per relation, project id → its rows, in one query each."""
    return {
        "keywords": _pairs(
            ProjectKeyword.objects.filter(content_object_id__in=among(ids)),
            "content_object_id",
            "tag__name",
        ),
        "domains": _pairs(
            Project.domains.through.objects.filter(project_id__in=among(ids)),
            "project_id",
            "domain_id",
        ),
        "techniques": _pairs(
            Project.techniques.through.objects.filter(project_id__in=among(ids)),
            "project_id",
            "technique_id",
        ),
        "uses": _pairs(
            ProjectDataset.objects.filter(project_id__in=among(ids)),
            "project_id",
            "dataset_id",
            "access_status",
        ),
        "verdicts": _pairs(
            Evaluation.objects.public().filter(project_id__in=among(ids)),
            "project_id",
            "verdict",
        ),
    }


def project_profiles(ids: Iterable[int]) -> dict[int, dict]:
    """What a team's matching profile takes from each public project among `ids`
    (the same text as the database path of matching: one builder)."""
    projects = public_projects(ids)
    rows = list(
        projects.values_list(
            "pk", "title", "acronym", "summary", "description", "start_date"
        )
    )
    relations = _project_relations([row[0] for row in rows])
    domains, techniques = _terms()
    granted = ProjectDataset.AccessStatus.GRANTED
    profiles = {}
    for pk, title, acronym, summary, description, start_date in rows:
        terms = [domains[t] for t in relations["domains"][pk]]
        terms += [techniques[t] for t in relations["techniques"][pk]]
        profiles[pk] = {
            "text": project_profile_text(
                title=title,
                acronym=acronym,
                summary=summary,
                description=description,
                keywords=relations["keywords"][pk],
                terms=terms,
            ),
            "granted": {
                str(dataset)
                for dataset, status in relations["uses"][pk]
                if status == granted
            },
            "evaluated": bool(relations["verdicts"][pk]),
            "start_date": start_date,
        }
    return profiles


class UrlPattern:
    """A detail page's French URL for a slug, reversed once (not once per row)."""

    PLACEHOLDER = "slug-placeholder-0"

    def __init__(self, name: str):
        with translation.override("fr"):
            self.pattern = reverse(name, kwargs={"slug": self.PLACEHOLDER})

    def __call__(self, slug: str) -> str:
        return self.pattern.replace(self.PLACEHOLDER, slug)


def _team_label(acronym: str, name: str) -> str:
    return f"{acronym} – {name}" if acronym else name


def _organisation_label(acronym: str, name: str) -> str:
    return f"{name} ({acronym})" if acronym else name


def project_documents(ids: Iterable[int]) -> list[dict]:
    """The index documents of the public projects among `ids`, in id order."""
    projects = public_projects(ids).order_by("pk")
    fields = ("pk", "slug", "title", "title_en", "acronym", "summary", "description",
              "summary_en", "description_en", "status", "trl", "start_date",
              "first_published_at", "updated_at", "lead_organisation__name",
              "lead_organisation__acronym")  # fmt: skip
    rows = list(projects.values_list(*fields))
    pks = [row[0] for row in rows]
    relations = _project_relations(pks)
    facets = project_facet_sets(pks)
    domains, techniques = _terms()
    partners = _pairs(
        ProjectPartner.objects.filter(project_id__in=among(pks)),
        "project_id",
        "team_id",
        "organisation_id",
    )
    members = _pairs(
        ProjectMember.objects.filter(project_id__in=among(pks)),
        "project_id",
        "person_id",
    )
    labels = _labels(partners, members, relations["uses"])
    url = UrlPattern("projects:project_detail")
    documents = []
    for row in rows:
        document = dict(zip(fields, row, strict=True))
        pk = document["pk"]
        terms = [domains[t] for t in relations["domains"][pk]]
        terms += [techniques[t] for t in relations["techniques"][pk]]
        names = [document["lead_organisation__name"]]
        names.append(document["lead_organisation__acronym"])
        names += [
            labels["team"][team] if team else labels["organisation"][organisation]
            for team, organisation in partners[pk]
        ]
        names += [labels["person"][person] for person in members[pk]]
        names += [labels["dataset"][dataset] for dataset, _ in relations["uses"][pk]]
        title, acronym = document["title"], document["acronym"]
        start = document["start_date"]
        documents.append(
            {
                "pk": pk,
                "type": "project",
                "slug": document["slug"],
                "url": url(document["slug"]),
                "label": f"{acronym} – {title}" if acronym else title,
                "title": title,
                "title_en": document["title_en"],
                "acronym": acronym,
                "summary": document["summary"],
                "body": _text(document["description"]),
                "body_en": _text(document["summary_en"], document["description_en"]),
                "keywords": relations["keywords"][pk]
                + [term.name for term in terms]
                + [term.name_en for term in terms],
                "names": [name for name in names if name],
                "suggest": f"{acronym} {title}".strip(),
                "sort_title": title,
                "status": document["status"],
                "stage": stage_for_trl(document["trl"]).value,
                "verdicts": sorted({v for v in relations["verdicts"][pk] if v}),
                "start_year": start.year if start else None,
                "start_date": start,
                "published_at": document["first_published_at"],
                "updated_at": document["updated_at"],
                **{facet: sorted(values) for facet, values in facets[pk].items()},
            }
        )
    return documents


def _labels(partners, members, uses) -> dict[str, dict[int, str]]:
    """How each related team, organisation, person and dataset is named, one query
    per model for the whole batch."""
    team_ids = {team for rows in partners.values() for team, _ in rows if team}
    organisation_ids = {o for rows in partners.values() for _, o in rows if o}
    person_ids = {person for rows in members.values() for person in rows}
    dataset_ids = {dataset for rows in uses.values() for dataset, _ in rows}
    return {
        "team": {
            pk: _team_label(acronym, name)
            for pk, acronym, name in Team.objects.filter(
                pk__in=among(team_ids)
            ).values_list("pk", "acronym", "name")
        },
        "organisation": {
            pk: _organisation_label(acronym, name)
            for pk, acronym, name in Organisation.objects.filter(
                pk__in=among(organisation_ids)
            ).values_list("pk", "acronym", "name")
        },
        "person": {
            pk: f"{first} {last}"
            for pk, first, last in Person.objects.filter(
                pk__in=among(person_ids)
            ).values_list("pk", "first_name", "last_name")
        },
        "dataset": {
            pk: _team_label(acronym, name)  # "ACR – name", as Dataset.__str__
            for pk, acronym, name in Dataset.objects.filter(
                pk__in=among(dataset_ids)
            ).values_list("pk", "acronym", "name")
        },
    }


def _text(*parts: str) -> str:
    return "\n".join(strip_tags(part) for part in parts if part)
