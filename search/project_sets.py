"""Project documents, facets and matching profiles read set by set: a few
`values_list` queries per batch of projects (one per relation), never one per project
or one model instance per related row. The rebuild of the index at national scale
depends on it (issue 15); the document is the same as the one field by field.
"""

import gc
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime

from django.db import connection
from django.db.models.expressions import RawSQL
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import strip_tags

from projects.institutes import InstituteMap
from projects.models import Domain, Project, ProjectDataset, ProjectMember, Technique
from projects.models.project import ProjectKeyword, ProjectPartner, stage_for_trl
from registry.models import Dataset, Evaluation, Organisation, Person, Team
from search.matching.lexicon import project_profile_text

FACETS = ("institutes", "teams", "domains", "techniques", "datasets")


@dataclass(frozen=True)
class Term:
    name: str
    name_en: str
    parent: int | None


@dataclass
class FacetMemo:
    """What teams, people and datasets take from public projects, kept for a whole
    rebuild: the facets' ids (a tuple per facet of FACETS) and the text of a team's
    matching profile. The project pass records those it computes; the other types
    read them (search/owner_sets.py). `opened_at`: the data may be as old as this,
    which bounds the outbox rows a rebuild may take as applied."""

    opened_at: datetime = field(default_factory=timezone.now)
    facets: dict[int, tuple] = field(default_factory=dict)
    profiles: dict[int, str] = field(default_factory=dict)
    whole: bool = False  # every public project read in one pass


_memo: ContextVar[FacetMemo | None] = ContextVar("project_facets_memo", default=None)


@contextmanager
def project_facets_memo() -> Iterator[None]:
    """Within the block, the facets of each public project are computed once: by the
    project pass if it comes first, else in one pass over each relation when first
    needed; an enclosing block's memo is reused."""
    if _memo.get() is not None:
        yield
        return
    token = _memo.set(FacetMemo())
    try:
        yield
    finally:
        _memo.reset(token)


def facet_memo() -> FacetMemo | None:
    return _memo.get()


def among(ids: Iterable[int]):
    """A right-hand side for `__in` with many ids: one array parameter on PostgreSQL
    (a list of thousands of parameters costs more to plan than to run), written as
    one array literal (the driver would adapt 100,000 ints one by one)."""
    ids = [int(pk) for pk in ids]
    if connection.vendor == "postgresql":
        literal = "{" + ",".join(map(str, ids)) + "}"
        return RawSQL("SELECT unnest(%s::bigint[])", (literal,))
    return ids


def public_projects(ids: Iterable[int]):
    return Project.objects.public().filter(pk__in=among(ids)).order_by()


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


class Lookups:
    """The small tables a batch of projects refers to, read whole once per batch
    (taxonomy terms, the institutes of every organisation and team): a project's
    facets are then computed in memory, not joined path by path."""

    def __init__(self):
        self.domains = _terms(Domain)
        self.techniques = _terms(Technique)
        self.institutes = InstituteMap()


def _terms(model) -> dict[int, Term]:
    return {
        pk: Term(name, name_en, parent)
        for pk, name, name_en, parent in model.objects.values_list(
            "pk", "name", "name_en", "parent_id"
        )
    }


def _with_parents(ids: Iterable[int], terms: dict[int, Term]) -> set[int]:
    parents = (terms[pk].parent for pk in ids)
    return {*ids, *(parent for parent in parents if parent is not None)}


class ProjectLinks:
    """A batch of public projects with their links, one query per relation, for
    their facets and documents: `owners` maps each project to its lead team and
    organisation; `keys` selects their ids (an id array, or a subquery)."""

    def __init__(self, owners: dict[int, tuple], keys, *, lookups: Lookups):
        self.lookups = lookups
        self.owners = owners
        self.partners = _pairs(
            ProjectPartner.objects.filter(project_id__in=keys),
            "project_id",
            "team_id",
            "organisation_id",
        )
        self.domains = _pairs(
            Project.domains.through.objects.filter(project_id__in=keys),
            "project_id",
            "domain_id",
        )
        self.techniques = _pairs(
            Project.techniques.through.objects.filter(project_id__in=keys),
            "project_id",
            "technique_id",
        )
        self.uses = _pairs(
            ProjectDataset.objects.filter(project_id__in=keys),
            "project_id",
            "dataset_id",
            "access_status",
        )

    def facet_ids(self, pk: int) -> tuple[set[int], ...]:
        """The ids of one project's shared facets, in the order of FACETS: the teams
        leading it or partners, their institutes (projects/institutes.py), its
        domains and techniques with their parents, its datasets."""
        lead_team, lead_organisation = self.owners[pk]
        partners = self.partners.get(pk, ())
        teams = {lead_team, *(team for team, _ in partners)}
        teams.discard(None)
        institutes = self.lookups.institutes.of_project(
            organisations=[lead_organisation, *(o for _, o in partners)],
            teams=teams,
        )
        return (
            institutes,
            teams,
            _with_parents(self.domains.get(pk, ()), self.lookups.domains),
            _with_parents(self.techniques.get(pk, ()), self.lookups.techniques),
            {dataset for dataset, _ in self.uses.get(pk, ())},
        )

    def terms(self, pk: int) -> list[Term]:
        """The project's domains, then its techniques (each in its table's order)."""
        terms = [self.lookups.domains[t] for t in self.domains[pk]]
        return terms + [self.lookups.techniques[t] for t in self.techniques[pk]]


def project_facet_ids(ids: Iterable[int] | None) -> dict[int, tuple[tuple, ...]]:
    """Project id → the ids of each facet (a tuple per facet of FACETS), for the
    public projects among `ids` (every public project if None: one pass over each
    relation). Tuples of ints: the garbage collector stops tracking them, where a
    memo of 100,000 projects' sets would make every collection walk them all."""
    if ids is None:
        projects = Project.objects.public().order_by()
        keys = projects.values("pk")
    else:
        ids = list(ids)
        projects, keys = public_projects(ids), among(ids)
    owners = {
        pk: (team, organisation)
        for pk, team, organisation in projects.values_list(
            "pk", "lead_team_id", "lead_organisation_id"
        )
    }
    with cycle_collection_paused():
        links = ProjectLinks(owners, keys, lookups=Lookups())
        return {pk: tuple(map(tuple, links.facet_ids(pk))) for pk in owners}


def project_facet_sets(ids: Iterable[int] | None) -> dict[int, dict[str, set[str]]]:
    """Project id → facet → values (strings), as project_facet_ids."""
    return {
        pk: {f: set(map(str, values)) for f, values in zip(FACETS, row, strict=True)}
        for pk, row in project_facet_ids(ids).items()
    }


def _pairs(queryset, key: str, *values: str) -> defaultdict[int, list]:
    grouped: defaultdict[int, list] = defaultdict(list)
    rows = queryset.order_by(key, "pk").values_list(key, *values)
    if len(values) == 1:
        for owner, value in rows:
            grouped[owner].append(value)
    else:
        for row in rows:
            grouped[row[0]].append(row[1:])
    return grouped


def _keywords(ids: list[int]) -> defaultdict[int, list]:
    return _pairs(
        ProjectKeyword.objects.filter(content_object_id__in=among(ids)),
        "content_object_id",
        "tag__name",
    )


def _verdicts(ids: list[int]) -> defaultdict[int, list]:
    return _pairs(
        Evaluation.objects.public().filter(project_id__in=among(ids)),
        "project_id",
        "verdict",
    )


def project_profiles(ids: Iterable[int]) -> dict[int, dict]:
    """What a team's matching profile takes from each public project among `ids`
    (the same text as the database path of matching: one builder)."""
    projects = public_projects(ids)
    rows = list(
        projects.values_list(
            "pk", "title", "acronym", "summary", "description", "start_date"
        )
    )
    pks = [row[0] for row in rows]
    keywords = _keywords(pks)
    domains = _pairs(
        Project.domains.through.objects.filter(project_id__in=among(pks)),
        "project_id",
        "domain_id",
    )
    techniques = _pairs(
        Project.techniques.through.objects.filter(project_id__in=among(pks)),
        "project_id",
        "technique_id",
    )
    domain_terms, technique_terms = _terms(Domain), _terms(Technique)
    profiles = {}
    for pk, title, acronym, summary, description, start_date in rows:
        terms = [domain_terms[t] for t in domains[pk]]
        terms += [technique_terms[t] for t in techniques[pk]]
        profiles[pk] = {
            "text": project_profile_text(
                title=title,
                acronym=acronym,
                summary=summary,
                description=description,
                keywords=keywords[pk],
                terms=terms,
            ),
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
    ids = list(ids)
    projects = public_projects(ids).order_by("pk")
    fields = ("pk", "slug", "title", "title_en", "acronym", "summary", "description",
              "summary_en", "description_en", "status", "trl", "start_date",
              "first_published_at", "updated_at", "lead_organisation__name",
              "lead_organisation__acronym", "lead_team_id",
              "lead_organisation_id")  # fmt: skip
    rows = list(projects.values_list(*fields))
    pks = [row[0] for row in rows]
    owners = {row[0]: row[-2:] for row in rows}
    links = ProjectLinks(owners, among(pks), lookups=Lookups())
    keywords, verdicts = _keywords(pks), _verdicts(pks)
    members = _pairs(
        ProjectMember.objects.filter(project_id__in=among(pks)),
        "project_id",
        "person_id",
    )
    labels = _labels(links.partners, members, links.uses)
    url = UrlPattern("projects:project_detail")
    memo = _memo.get()
    documents = []
    for row in rows:
        document = dict(zip(fields, row, strict=True))
        pk = document["pk"]
        terms = links.terms(pk)
        names = [document["lead_organisation__name"]]
        names.append(document["lead_organisation__acronym"])
        names += [
            labels["team"][team] if team else labels["organisation"][organisation]
            for team, organisation in links.partners[pk]
        ]
        names += [labels["person"][person] for person in members[pk]]
        names += [labels["dataset"][dataset] for dataset, _ in links.uses[pk]]
        title, acronym = document["title"], document["acronym"]
        start = document["start_date"]
        facet_ids = tuple(map(tuple, links.facet_ids(pk)))
        if memo is not None:  # for the teams, people and datasets of this rebuild
            memo.facets[pk] = facet_ids
            memo.profiles[pk] = project_profile_text(
                title=title,
                acronym=acronym,
                summary=document["summary"],
                description=document["description"],
                keywords=keywords[pk],
                terms=terms,
            )
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
                "keywords": keywords[pk]
                + [term.name for term in terms]
                + [term.name_en for term in terms],
                "names": [name for name in names if name],
                "suggest": f"{acronym} {title}".strip(),
                "sort_title": title,
                "status": document["status"],
                "stage": stage_for_trl(document["trl"]).value,
                "verdicts": sorted({v for v in verdicts[pk] if v}),
                "start_year": start.year if start else None,
                "start_date": start,
                "published_at": document["first_published_at"],
                "updated_at": document["updated_at"],
                **{
                    facet: sorted(map(str, ids))
                    for facet, ids in zip(FACETS, facet_ids, strict=True)
                },
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
