"""What each searchable type indexes: its public rows and the document built from one.

Only public data reaches the index: projects come from `Project.objects.public()`,
and the facets of teams, people and datasets are derived from public projects only.
"""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Model, Prefetch, QuerySet
from django.utils import translation
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from projects.institutes import organisation_institute_ids
from projects.models import Project
from registry.models import Dataset, Membership, Organisation, Person, Team
from search.owner_sets import PROFILE, owner_facet_sets, owner_links, team_profiles
from search.project_sets import FACETS, project_documents

# Per team, person or dataset: the facets of its public projects (sets of ids) and,
# for a team, under PROFILE, its matching profile fields.
OwnerFacets = dict[int, dict]
EMPTY_PROFILE = {
    "profile": "",
    "granted_datasets": [],
    "evaluated_projects": [],
    "latest_start": None,
}


@dataclass(frozen=True)
class SearchSource:
    """How one type reaches the index: its rows, in bulk or by id, and their documents.

    Teams, people and datasets carry the facets of their public projects: `documents`
    reads those projects' facets (and a team's profile) set by set, once per batch;
    projects are built from a few queries per batch (search/project_sets.py).
    """

    search_type: str
    model: type[Model]
    queryset: Callable[[], QuerySet]
    to_document: Callable[[Model, OwnerFacets], dict] | None
    related_projects: bool = False
    with_profiles: bool = False
    # Set-based builder from ids (public rows only), instead of rows and to_document.
    build: Callable[[list[int]], list[dict]] | None = None

    def public_rows(self, ids: Iterable[int] | None = None) -> QuerySet:
        rows = self.queryset()
        return rows if ids is None else rows.filter(pk__in=list(ids))

    def public_ids(self) -> QuerySet:
        rows = self.queryset().prefetch_related(None).select_related(None)
        return rows.order_by("pk").values_list("pk", flat=True)

    def documents_for(self, ids: Iterable[int]) -> list[dict]:
        """The documents of the public rows among `ids`."""
        if self.build:
            return self.build(list(ids))
        return self.documents(self.public_rows(ids))

    def documents(self, rows: Iterable[Model]) -> list[dict]:
        rows = list(rows)
        if self.build:
            return self.build([row.pk for row in rows])
        related: OwnerFacets = {}
        if self.related_projects:
            pks = [row.pk for row in rows]
            links = owner_links(self.search_type, pks)
            related = owner_facet_sets(self.search_type, pks, links)
            if self.with_profiles:
                for pk, profile in team_profiles(pks, links).items():
                    related[pk][PROFILE] = profile
        return [self.to_document(row, related) for row in rows]


def _institute_ids(organisations: Iterable[Organisation]) -> set[str]:
    """Facet values: the institutes of organisations loaded with their parents."""
    return {str(pk) for pk in organisation_institute_ids(organisations)}


def _text(*parts: str) -> str:
    return "\n".join(strip_tags(part) for part in parts if part)


# --- projects -------------------------------------------------------------------


def project_rows() -> QuerySet[Project]:
    """Public projects; their documents come from search/project_sets.py."""
    return Project.objects.public().order_by("pk")


# --- teams, people, datasets: facets from their public projects ------------------


def _own_facets(pk: int, related: OwnerFacets) -> dict[str, set[str]]:
    """A copy of the facets of a row's public projects (empty without projects)."""
    facets = related.get(pk, {})
    return {facet: set(facets.get(facet, ())) for facet in FACETS}


def team_rows() -> QuerySet[Team]:
    return Team.objects.prefetch_related(
        "parents__parent",
        "expertise",
        Prefetch("memberships", queryset=Membership.objects.select_related("person")),
    ).order_by("pk")


def team_document(team: Team, related: OwnerFacets) -> dict:
    facets = _own_facets(team.pk, related)
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
        "names": _bounded(
            [parent.name for parent in team.parents.all()]
            + [team.city]
            + [m.person.full_name for m in team.memberships.all()]
        ),
        "suggest": f"{team.acronym} {team.name}".strip(),
        "sort_title": team.name,
        "city": team.city,
        "updated_at": team.updated_at,
        **{facet: sorted(values) for facet, values in facets.items()},
        **related.get(team.pk, {}).get(PROFILE, EMPTY_PROFILE),
    }


def _bounded(names: list[str]) -> list[str]:
    return names[: settings.SEARCH_DOCUMENT_MAX_NAMES]


def person_rows() -> QuerySet[Person]:
    return Person.objects.prefetch_related(
        "expertise",
        Prefetch(
            "memberships",
            queryset=Membership.objects.select_related("team").prefetch_related(
                "team__parents__parent"
            ),
        ),
    ).order_by("pk")


def person_document(person: Person, related: OwnerFacets) -> dict:
    facets = _own_facets(person.pk, related)
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
        "names": _bounded([str(m.team) for m in person.memberships.all()]),
        "suggest": person.full_name,
        "sort_title": f"{person.last_name} {person.first_name}",
        "orcid": person.orcid,
        "updated_at": person.updated_at,
        **{facet: sorted(values) for facet, values in facets.items()},
    }


def dataset_rows() -> QuerySet[Dataset]:
    return (
        Dataset.objects.select_related("producer")
        .prefetch_related("standards")
        .order_by("pk")
    )


def dataset_document(dataset: Dataset, related: OwnerFacets) -> dict:
    facets = _own_facets(dataset.pk, related)
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
    """The French URL of a detail page: reversed once per model with a placeholder
    slug (every detail URL of these types is made of the slug alone)."""
    model = type(instance)
    if model not in _URL_PATTERNS:
        with translation.override("fr"):
            _URL_PATTERNS[model] = model(slug=_SLUG).get_absolute_url()
    return _URL_PATTERNS[model].replace(_SLUG, instance.slug)


_SLUG = "slug-placeholder-0"
_URL_PATTERNS: dict[type, str] = {}


SOURCES: dict[str, SearchSource] = {
    source.search_type: source
    for source in (
        SearchSource("project", Project, project_rows, None, build=project_documents),
        SearchSource("team", Team, team_rows, team_document, True, with_profiles=True),
        SearchSource("person", Person, person_rows, person_document, True),
        SearchSource("dataset", Dataset, dataset_rows, dataset_document, True),
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
