"""What each searchable type indexes: its public rows and the document built from one.

Only public data reaches the index: projects come from `Project.objects.public()`,
and the facets of teams, people and datasets are derived from public projects only.
"""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db.models import Model, Prefetch, QuerySet
from django.utils import translation
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from projects.models import Project, ProjectDataset, ProjectMember, ProjectPartner
from registry.models import Dataset, Evaluation, Membership, Organisation, Person, Team

# The facet fields of a document, filled from the public projects it relates to.
FACETS = ("institutes", "teams", "domains", "techniques", "datasets")


# Per related project: its facets (sets of ids) and, under PROFILE, what a team's
# matching profile takes from it.
ProjectFacets = dict[int, dict]
PROFILE = "profile"


@dataclass(frozen=True)
class SearchSource:
    """How one type reaches the index: its rows, in bulk or by id, and their documents.

    Teams, people and datasets carry the facets of their public projects: `documents`
    reads those projects once per batch, not once per row.
    """

    search_type: str
    model: type[Model]
    queryset: Callable[[], QuerySet]
    to_document: Callable[[Model, ProjectFacets], dict]
    related_projects: Callable[[Model], set[int]] | None = None

    def public_rows(self, ids: Iterable[int] | None = None) -> QuerySet:
        rows = self.queryset()
        return rows if ids is None else rows.filter(pk__in=list(ids))

    def documents(self, rows: Iterable[Model]) -> list[dict]:
        rows = list(rows)
        facets: ProjectFacets = {}
        if self.related_projects:
            ids = (
                set().union(*(self.related_projects(row) for row in rows))
                if rows
                else set()
            )
            facets = {
                p.pk: {**project_facets(p), PROFILE: project_profile(p)}
                for p in project_rows().filter(pk__in=ids)
            }
        return [self.to_document(row, facets) for row in rows]


def _institute_ids(organisations: Iterable[Organisation]) -> set[str]:
    """The top-level research institutes above these organisations (Inserm, Inria…)."""
    ids = set()
    for organisation in organisations:
        root = organisation.parent or organisation
        if root.kind == Organisation.Kind.RESEARCH_INSTITUTE:
            ids.add(str(root.pk))
    return ids


def _with_parents(terms) -> set[str]:
    return {str(pk) for term in terms for pk in (term.pk, term.parent_id) if pk}


def _text(*parts: str) -> str:
    return "\n".join(strip_tags(part) for part in parts if part)


# --- projects -------------------------------------------------------------------


def project_rows() -> QuerySet[Project]:
    return (
        Project.objects.public()
        .select_related("lead_organisation__parent", "lead_team")
        .prefetch_related(
            "domains",
            "techniques",
            "keywords",
            "lead_team__parents__parent",
            Prefetch(
                "partners",
                queryset=ProjectPartner.objects.select_related(
                    "team", "organisation__parent"
                ).prefetch_related("team__parents__parent"),
            ),
            Prefetch(
                "members", queryset=ProjectMember.objects.select_related("person")
            ),
            Prefetch(
                "dataset_uses",
                queryset=ProjectDataset.objects.select_related("dataset"),
            ),
            Prefetch(
                "evaluations",
                queryset=Evaluation.objects.public(),
                to_attr="public_evaluations",
            ),
        )
        .order_by("pk")
    )


def project_facets(project: Project) -> dict[str, set[str]]:
    partners = list(project.partners.all())
    teams = [project.lead_team] if project.lead_team_id else []
    teams += [partner.team for partner in partners if partner.team_id]
    organisations = [project.lead_organisation]
    organisations += [
        partner.organisation for partner in partners if partner.organisation_id
    ]
    organisations += [parent for team in teams for parent in team.parents.all()]
    return {
        "institutes": _institute_ids(organisations),
        "teams": {str(team.pk) for team in teams},
        "domains": _with_parents(project.domains.all()),
        "techniques": _with_parents(project.techniques.all()),
        "datasets": {str(use.dataset_id) for use in project.dataset_uses.all()},
    }


def project_profile(project: Project) -> dict:
    """What a team's matching profile takes from one of its public projects."""
    return {
        "text": _text(
            project.title,
            project.summary,
            project.description,
            " ".join(tag.name for tag in project.keywords.all()),
            " ".join(
                t.name for t in [*project.domains.all(), *project.techniques.all()]
            ),
        ),
        "granted": {
            str(use.dataset_id)
            for use in project.dataset_uses.all()
            if use.access_status == ProjectDataset.AccessStatus.GRANTED
        },
        "evaluated": bool(project.public_evaluations),
        "start_date": project.start_date,
    }


def project_document(project: Project, facets_by_project: ProjectFacets) -> dict:
    partners = list(project.partners.all())
    names = [project.lead_organisation.name, project.lead_organisation.acronym]
    names += [str(partner.team or partner.organisation) for partner in partners]
    names += [member.person.full_name for member in project.members.all()]
    names += [str(use.dataset) for use in project.dataset_uses.all()]
    facets = project_facets(project)
    return {
        "pk": project.pk,
        "type": "project",
        "slug": project.slug,
        "url": _french_url(project),
        "label": str(project),
        "title": project.title,
        "title_en": project.title_en,
        "acronym": project.acronym,
        "summary": project.summary,
        "body": _text(project.description),
        "body_en": _text(project.summary_en, project.description_en),
        # Domain and technique names are words people search with ("cardiologie").
        "keywords": [tag.name for tag in project.keywords.all()]
        + [term.name for term in [*project.domains.all(), *project.techniques.all()]]
        + [
            term.name_en for term in [*project.domains.all(), *project.techniques.all()]
        ],
        "names": [name for name in names if name],
        "suggest": f"{project.acronym} {project.title}".strip(),
        "sort_title": project.title,
        "status": project.status,
        "stage": project.stage.value,
        "verdicts": sorted(
            {e.verdict for e in project.public_evaluations if e.verdict}
        ),
        "start_year": project.start_date.year if project.start_date else None,
        "start_date": project.start_date,
        "published_at": project.first_published_at,
        "updated_at": project.updated_at,
        **{facet: sorted(values) for facet, values in facets.items()},
    }


# --- teams, people, datasets: facets from their public projects ------------------


def _merge_facets(
    ids: Iterable[int], facets_by_project: ProjectFacets
) -> dict[str, set[str]]:
    merged: dict[str, set[str]] = {facet: set() for facet in FACETS}
    for pk in ids:
        facets = facets_by_project.get(pk, {})
        for facet in FACETS:
            merged[facet] |= facets.get(facet, set())
    return merged


def team_rows() -> QuerySet[Team]:
    return Team.objects.prefetch_related(
        "parents__parent",
        "expertise",
        Prefetch("memberships", queryset=Membership.objects.select_related("person")),
        Prefetch(
            "led_projects",
            queryset=Project.objects.public().only("pk", "lead_team"),
            to_attr="public_led",
        ),
        Prefetch(
            "project_partnerships",
            queryset=ProjectPartner.objects.filter(project__live=True),
            to_attr="public_partnerships",
        ),
    ).order_by("pk")


def team_projects(team: Team) -> set[int]:
    ids = {project.pk for project in team.public_led}
    return ids | {partnership.project_id for partnership in team.public_partnerships}


def team_document(team: Team, facets_by_project: ProjectFacets) -> dict:
    facets = _merge_facets(team_projects(team), facets_by_project)
    facets["institutes"] |= _institute_ids(team.parents.all())
    facets["teams"].add(str(team.pk))
    expertise = [tag.name for tag in team.expertise.all()]
    return {
        "pk": team.pk,
        "type": "team",
        "slug": team.slug,
        "url": _french_url(team),
        "label": str(team),
        "title": team.name,
        "acronym": team.acronym,
        "body": team.description,
        "expertise": expertise,
        "names": [parent.name for parent in team.parents.all()]
        + [m.person.full_name for m in team.memberships.all()]
        + [team.city],
        "suggest": f"{team.acronym} {team.name}".strip(),
        "sort_title": team.name,
        "city": team.city,
        "updated_at": team.updated_at,
        **{facet: sorted(values) for facet, values in facets.items()},
        **team_profile_fields(team_projects(team), facets_by_project),
    }


def team_profile_fields(ids: Iterable[int], facets_by_project: ProjectFacets) -> dict:
    """The matching profile of a team: text, granted datasets, evaluated projects
    and latest start of its public projects (the facets hold its domains)."""
    profiles = [
        facets_by_project[pk][PROFILE]
        for pk in sorted(ids)
        if PROFILE in facets_by_project.get(pk, {})
    ]
    starts = [p["start_date"] for p in profiles if p["start_date"]]
    return {
        "profile": "\n".join(p["text"] for p in profiles),
        "granted_datasets": sorted(set().union(*(p["granted"] for p in profiles))),
        "evaluated_projects": sorted(
            str(pk)
            for pk in ids
            if facets_by_project.get(pk, {}).get(PROFILE, {}).get("evaluated")
        ),
        "latest_start": max(starts, default=None),
    }


def person_rows() -> QuerySet[Person]:
    return Person.objects.prefetch_related(
        "expertise",
        Prefetch(
            "memberships",
            queryset=Membership.objects.select_related("team").prefetch_related(
                "team__parents__parent"
            ),
        ),
        Prefetch(
            "project_roles",
            queryset=ProjectMember.objects.filter(project__live=True),
            to_attr="public_roles",
        ),
    ).order_by("pk")


def person_projects(person: Person) -> set[int]:
    return {role.project_id for role in person.public_roles}


def person_document(person: Person, facets_by_project: ProjectFacets) -> dict:
    facets = _merge_facets(person_projects(person), facets_by_project)
    current = [m.team for m in person.memberships.all() if m.end_date is None]
    facets["teams"] |= {str(team.pk) for team in current}
    facets["institutes"] |= _institute_ids(
        p for team in current for p in team.parents.all()
    )
    return {
        "pk": person.pk,
        "type": "person",
        "slug": person.slug,
        "url": _french_url(person),
        "label": person.full_name,
        "title": person.full_name,
        "body": person.title,
        "expertise": [tag.name for tag in person.expertise.all()],
        "names": [str(m.team) for m in person.memberships.all()],
        "suggest": person.full_name,
        "sort_title": f"{person.last_name} {person.first_name}",
        "orcid": person.orcid,
        "updated_at": person.updated_at,
        **{facet: sorted(values) for facet, values in facets.items()},
    }


def dataset_rows() -> QuerySet[Dataset]:
    return (
        Dataset.objects.select_related("producer")
        .prefetch_related(
            "standards",
            Prefetch(
                "project_uses",
                queryset=ProjectDataset.objects.filter(project__live=True),
                to_attr="public_uses",
            ),
        )
        .order_by("pk")
    )


def dataset_projects(dataset: Dataset) -> set[int]:
    return {use.project_id for use in dataset.public_uses}


def dataset_document(dataset: Dataset, facets_by_project: ProjectFacets) -> dict:
    facets = _merge_facets(dataset_projects(dataset), facets_by_project)
    facets["datasets"].add(str(dataset.pk))
    return {
        "pk": dataset.pk,
        "type": "dataset",
        "slug": dataset.slug,
        "url": _french_url(dataset),
        "label": str(dataset),
        "title": dataset.name,
        "acronym": dataset.acronym,
        "body": _text(
            dataset.description, dataset.population, dataset.access_procedure
        ),
        "body_en": dataset.description_en,
        "names": [dataset.producer.name, dataset.producer.acronym]
        + [standard.name for standard in dataset.standards.all()],
        "suggest": f"{dataset.acronym} {dataset.name}".strip(),
        "sort_title": dataset.name,
        "kind": dataset.kind,
        "updated_at": dataset.updated_at,
        **{facet: sorted(values) for facet, values in facets.items()},
    }


# --- organisations: found by name and acronym ---------------------------------------


def organisation_rows() -> QuerySet[Organisation]:
    return Organisation.objects.select_related("parent").order_by("pk")


def organisation_document(organisation: Organisation, facets_by_project) -> dict:
    parent = organisation.parent
    return {
        "pk": organisation.pk,
        "type": "organisation",
        "slug": organisation.slug,
        "url": _french_url(organisation),
        "label": str(organisation),
        "title": organisation.name,
        "acronym": organisation.acronym,
        "names": [name for name in (parent and parent.name, organisation.city) if name],
        "suggest": f"{organisation.acronym} {organisation.name}".strip(),
        "sort_title": organisation.name,
        "kind": organisation.kind,
        "city": organisation.city,
        "updated_at": organisation.updated_at,
        "institutes": sorted(_institute_ids([organisation])),
    }


def _french_url(instance: Model) -> str:
    with translation.override("fr"):
        return instance.get_absolute_url()


SOURCES: dict[str, SearchSource] = {
    source.search_type: source
    for source in (
        SearchSource("project", Project, project_rows, project_document),
        SearchSource("team", Team, team_rows, team_document, team_projects),
        SearchSource("person", Person, person_rows, person_document, person_projects),
        SearchSource(
            "dataset", Dataset, dataset_rows, dataset_document, dataset_projects
        ),
        SearchSource(
            "organisation", Organisation, organisation_rows, organisation_document
        ),
    )
}


# --- what the database engines search, weighted, and how a hit is shown ----------

# Weighted text of the database engines, from the same documents as the index:
# column → document fields. `title` and `acronym` rank first, then `keywords`
# (keywords, domains, techniques, expertise), `summary` (with the names of
# organisations, teams, people, datasets), `body`; `english` is searched in English.
ENTRY_TEXT_FIELDS = {
    "acronym": ("acronym",),
    "title": ("title",),
    "keywords": ("keywords", "expertise"),
    "summary": ("summary", "names"),
    "body": ("body",),
    "english": ("title_en", "body_en"),
}


def entry_texts(document: dict) -> dict[str, str]:
    """Each weighted column's text for one document, tags stripped."""

    def joined(value) -> str:
        values = value if isinstance(value, list) else [value]
        return "\n".join(strip_tags(str(v)) for v in values if v)

    return {
        column: "\n".join(filter(None, (joined(document.get(f)) for f in fields)))
        for column, fields in ENTRY_TEXT_FIELDS.items()
    }


def entry_snippet(document: dict) -> str:
    """The text shown under a hit when the engine gives no highlight."""
    return strip_tags(document.get("summary") or document.get("body") or "")[:240]


def highlight(text: str, query: str) -> str:
    """Escaped text with <mark> around the query's words (4 letters and more)."""
    escaped = escape(text)
    words = sorted(
        {w for w in re.findall(r"\w+", query) if len(w) > 3}, key=len, reverse=True
    )
    if words:
        pattern = re.compile(
            "|".join(re.escape(escape(w)) for w in words), re.IGNORECASE
        )
        escaped = pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", escaped)
    return mark_safe(escaped)
