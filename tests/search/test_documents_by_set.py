"""Documents are built set by set (issue 15): the queries of a batch do not grow with
its size, a team's profile is bounded, and the facets still come from public
projects only."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search.owner_sets import project_facets_memo
from search.sources import SOURCES
from tests.factories import (
    DatasetFactory,
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
