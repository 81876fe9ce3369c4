"""Documents are built set by set (issue 15): the queries of a batch do not grow with
its size, a team's profile is bounded, and the facets still come from public
projects only."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from projects.institutes import project_institute_pairs
from projects.models import Project
from search.project_sets import FACETS, project_facet_sets, project_facets_memo
from search.sources import SOURCES
from tests.factories import (
    DatasetFactory,
    OrganisationFactory,
    ProjectDatasetFactory,
    ProjectFactory,
    ProjectPartnerFactory,
    TeamFactory,
    domain,
)
from tests.factories.scenarios import rich_project

pytestmark = pytest.mark.django_db


def _queries(search_type: str, ids: list[int]) -> int:
    with CaptureQueriesContext(connection) as queries:
        documents = SOURCES[search_type].documents_for(ids)
    assert len(documents) == len(ids)
    return len(queries)


@pytest.mark.parametrize("search_type", ["project", "team", "person", "dataset"])
def test_the_queries_of_a_batch_do_not_grow_with_it(search_type):
    for _ in range(4):
        rich_project()
    ids = list(SOURCES[search_type].public_ids())
    assert len(ids) >= 4
    assert _queries(search_type, ids[:1]) == _queries(search_type, ids)


def test_a_team_profile_takes_its_latest_projects_only(settings):
    settings.SEARCH_TEAM_PROFILE_MAX_PROJECTS = 2
    team = TeamFactory()
    titles = {2019: "Ancienne cohorte", 2022: "Récente imagerie", 2024: "Dernière IRM"}
    for year, title in titles.items():
        ProjectFactory(
            title=title, lead_team=team, start_date=datetime.date(year, 1, 1)
        )
    hidden = ProjectFactory(title="Brouillon secret", lead_team=team, live=False)
    (document,) = SOURCES["team"].documents_for([team.pk])
    assert "Dernière IRM" in document["profile"]
    assert "Récente imagerie" in document["profile"]
    assert "Ancienne cohorte" not in document["profile"]
    assert hidden.title not in document["profile"]
    assert document["latest_start"] == datetime.date(2024, 1, 1)


def test_owner_facets_come_from_public_projects_with_or_without_the_memo():
    team, dataset = TeamFactory(), DatasetFactory()
    public = ProjectFactory(domains=[domain("oncologie")])
    draft = ProjectFactory(domains=[domain("cardiologie")], live=False)
    for project in (public, draft):
        ProjectPartnerFactory(project=project, team=team)
        ProjectDatasetFactory(project=project, dataset=dataset)
    expected = {str(domain("oncologie").pk)}
    without = SOURCES["team"].documents_for([team.pk])[0]
    with project_facets_memo():
        within = SOURCES["team"].documents_for([team.pk])[0]
        data = SOURCES["dataset"].documents_for([dataset.pk])[0]
    for document in (without, within, data):
        assert set(document["domains"]) == expected
    assert str(public.lead_team_id) in without["teams"]
    assert str(draft.lead_team_id) not in without["teams"]
    assert without == within


# The lookups the facets were once joined by, path by path: the oracle of the
# in-memory computation (projects/institutes.InstituteMap, search/project_sets.py).
JOINED_FACETS = {
    "teams": ("lead_team", "partners__team"),
    "domains": ("domains", "domains__parent"),
    "techniques": ("techniques", "techniques__parent"),
    "datasets": ("dataset_uses__dataset",),
}


def _joined_facets(projects) -> dict[int, dict[str, set[str]]]:
    facets = {p.pk: {facet: set() for facet in FACETS} for p in projects}
    queryset = Project.objects.filter(pk__in=facets)
    for pk, institute in project_institute_pairs(queryset):
        facets[pk]["institutes"].add(str(institute))
    for facet, lookups in JOINED_FACETS.items():
        for lookup in lookups:
            for pk, value in queryset.values_list("pk", lookup):
                if value is not None:
                    facets[pk][facet].add(str(value))
    return facets


def test_facets_computed_in_memory_equal_the_joined_paths():
    institute = OrganisationFactory(name="Institut", kind="institute")
    unit = OrganisationFactory(kind="university", parent=institute)
    projects = [rich_project() for _ in range(2)]
    projects.append(ProjectFactory(lead_organisation=unit, lead_team=None))
    via_team = ProjectFactory(lead_team=TeamFactory(parents=[unit]))
    ProjectPartnerFactory(project=via_team, team=None, organisation=unit)
    ProjectPartnerFactory(project=via_team, team=TeamFactory(parents=[unit]))
    projects.append(via_team)
    ids = [project.pk for project in projects]
    expected = _joined_facets(projects)
    assert {str(institute.pk)} <= expected[via_team.pk]["institutes"]
    assert project_facet_sets(ids) == expected
    every = project_facet_sets(None)  # the one pass over each relation
    assert {pk: every[pk] for pk in ids} == expected
    for document in SOURCES["project"].documents_for(ids):
        assert {f: set(document[f]) for f in FACETS} == expected[document["pk"]]
