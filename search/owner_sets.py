"""The facets and matching profiles of teams, people and datasets, from their public
projects, for a whole batch of them: their links to projects in one query per
relation, each linked project's facets read set by set (search/project_sets.py),
never the projects one by one with every relation.

A rebuild reads every team, person and dataset, whose projects overlap: within
`project_facets_memo()`, each project's facets are computed once per rebuild, by
the project pass when it comes first (search/project_sets.py).
"""

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.postgres.aggregates import ArrayAgg
from django.db import connection
from django.db.models import QuerySet

from projects.models import Project, ProjectDataset, ProjectMember, ProjectPartner
from registry.models import Evaluation
from search.project_sets import (
    FACETS,
    among,
    facet_memo,
    project_facet_ids,
    project_profiles,
)


@dataclass(frozen=True)
class Link:
    """One relation from owners to public projects: its rows for some owner ids, and
    the fields naming the owner, the project and (a team's only) its start."""

    rows: Callable[[list[int]], QuerySet]
    owner: str
    project: str
    start: str | None = None


LINKS = {
    "team": (
        Link(
            lambda ids: Project.objects.public().filter(lead_team__in=among(ids)),
            "lead_team",
            "pk",
            "start_date",
        ),
        Link(
            lambda ids: ProjectPartner.objects.public().filter(team__in=among(ids)),
            "team",
            "project_id",
            "project__start_date",
        ),
    ),
    # Without the start, which only a team's profile uses (a dataset has up to
    # thousands of projects: converting their dates cost a fifth of its rebuild).
    "person": (
        Link(
            lambda ids: ProjectMember.objects.public().filter(person__in=among(ids)),
            "person",
            "project_id",
        ),
    ),
    "dataset": (
        Link(
            lambda ids: ProjectDataset.objects.public().filter(dataset__in=among(ids)),
            "dataset",
            "project_id",
        ),
    ),
}
PROFILE = "profile"
EMPTY = tuple(() for _ in FACETS)
# Project facets read in batches of this many ids.
FACET_BATCH = 5000


def owner_links(search_type: str, ids: Iterable[int]) -> dict[int, dict[int, object]]:
    """Owner id → {id of one of its public projects: that project's start date (a
    team's; None for the other types)}."""
    ids = list(ids)
    links: dict[int, dict[int, object]] = defaultdict(dict)
    for link in LINKS[search_type]:
        rows = link.rows(ids).order_by()
        if link.start:
            for owner, project, start in rows.values_list(
                link.owner, link.project, link.start
            ):
                links[owner][project] = start
        elif connection.vendor == "postgresql":
            # One array of project ids per owner, not one row per link: 290
            # datasets have 190,000 links at 100,000 projects.
            grouped = rows.values(link.owner).annotate(projects=ArrayAgg(link.project))
            for owner, projects in grouped.values_list(link.owner, "projects"):
                links[owner].update(dict.fromkeys(projects))
        else:
            for owner, project in rows.values_list(link.owner, link.project):
                links[owner][project] = None
    return links


def _project_facets(ids: set[int]) -> dict[int, tuple]:
    """Project id → its facets' ids, a tuple per facet of FACETS (public projects
    among `ids` at least). Within a memo: those the project pass or an earlier batch
    computed; the others in one pass over every project if many are missing (no
    project pass came first), else by id (projects published since)."""
    memo = facet_memo()
    if memo is None:
        return _facets_by_id(ids)
    missing = ids - memo.facets.keys()
    if len(missing) > FACET_BATCH and not memo.whole:
        memo.facets.update(project_facet_ids(None))
        memo.whole = True
        missing = ids - memo.facets.keys()
    memo.facets.update(_facets_by_id(missing))
    return memo.facets


def _facets_by_id(ids: set[int]) -> dict[int, tuple]:
    known = {}
    missing = sorted(ids)
    for first in range(0, len(missing), FACET_BATCH):
        known.update(project_facet_ids(missing[first : first + FACET_BATCH]))
    return known


def owner_facet_sets(
    search_type: str, ids: Iterable[int], links: dict | None = None
) -> dict[int, dict]:
    """Owner id → facet → values (strings) of its public projects."""
    links = links if links is not None else owner_links(search_type, ids)
    facets_by_project = _project_facets(
        set().union(*links.values()) if links else set()
    )
    strings = _Strings()
    merged: dict[int, dict] = {}
    for owner, projects in links.items():
        rows = [facets_by_project.get(pk) or EMPTY for pk in projects]
        # Column by column, in C: an owner may have thousands of projects.
        columns = zip(*rows, strict=True) if rows else EMPTY
        merged[owner] = {
            facet: set(map(strings.__getitem__, set().union(*column)))
            for facet, column in zip(FACETS, columns, strict=True)
        }
    return merged


class _Strings(dict):
    """Id → its string, each made once: the facets of 290 datasets hold 350,000 ids
    of a few thousand values, and a shared string's hash is computed once."""

    def __missing__(self, key: int) -> str:
        self[key] = value = str(key)
        return value


def team_profiles(ids: Iterable[int], links: dict | None = None) -> dict[int, dict]:
    """Team id → its matching profile fields: the text of its latest public projects
    (at most SEARCH_TEAM_PROFILE_MAX_PROJECTS: a bounded document), the datasets
    granted to any of them, its evaluated projects and its latest start."""
    links = links if links is not None else owner_links("team", ids)
    every = set().union(*links.values()) if links else set()
    granted = defaultdict(set)
    for project, dataset in ProjectDataset.objects.filter(
        project__in=among(every), access_status=ProjectDataset.AccessStatus.GRANTED
    ).values_list("project_id", "dataset_id"):
        granted[project].add(str(dataset))
    evaluated = set(
        Evaluation.objects.public()
        .filter(project__in=among(every))
        .values_list("project_id", flat=True)
    )
    limit = settings.SEARCH_TEAM_PROFILE_MAX_PROJECTS
    latest = {
        team: sorted(projects, key=lambda pk: _latest_first(projects[pk], pk))[:limit]
        for team, projects in links.items()
    }
    texts = _profile_texts(set().union(*latest.values()) if latest else set())
    profiles = {}
    for team, projects in links.items():
        dates = [start for start in projects.values() if start]
        profiles[team] = {
            "profile": "\n".join(texts[pk] for pk in latest[team] if pk in texts),
            "granted_datasets": sorted(set().union(*(granted[pk] for pk in projects))),
            "evaluated_projects": sorted(str(pk) for pk in projects.keys() & evaluated),
            "latest_start": max(dates, default=None),
        }
    return profiles


def _profile_texts(ids: set[int]) -> dict[int, str]:
    """Project id → what a team's profile takes from it (public projects among
    `ids` at least): within a memo, as the project pass or an earlier batch made it."""
    memo = facet_memo()
    known = memo.profiles if memo is not None else {}
    missing = ids - known.keys()
    texts = {
        pk: profile["text"]
        for pk, profile in (project_profiles(missing) if missing else {}).items()
    }
    if memo is None:
        return texts
    memo.profiles.update(texts)
    return memo.profiles


def _latest_first(start, pk: int) -> tuple:
    return (start is None, -start.toordinal() if start else 0, pk)
