"""Organisation and team pages at national scale: they list the first published
projects (by title) and say how many there are, in the same number of queries
however many projects the record leads or joins; similar projects are ranked by
shared terms among a bounded number of candidates."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from projects import related, selectors
from tests.factories import (
    OrganisationFactory,
    ProjectFactory,
    ProjectPartnerFactory,
    TeamFactory,
    domain,
    technique,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def shown(monkeypatch) -> int:
    monkeypatch.setattr(related, "RECORD_PROJECTS_SHOWN", 3)
    return 3


def get_counting(client, url: str):
    client.get(url)  # warm per-process caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response, len(queries)


def test_an_organisation_page_lists_a_bounded_page_of_many_led_projects(
    client, shown, django_capture_on_commit_callbacks
):
    organisation = OrganisationFactory()
    team = TeamFactory(parents=[organisation])
    for number in range(2):
        ProjectFactory(lead_organisation=organisation, title=f"Projet {number:02d}")
        ProjectPartnerFactory(team=team)
    url = organisation.get_absolute_url()
    few, few_queries = get_counting(client, url)
    assert few.context["led_projects_count"] == 2

    # The number is cached until a project is written (and committed).
    with django_capture_on_commit_callbacks(execute=True):
        for number in range(2, 12):
            ProjectFactory(lead_organisation=organisation, title=f"Projet {number:02d}")
            ProjectPartnerFactory(team=team)
        ProjectFactory(lead_organisation=organisation, live=False, title="Brouillon")
    many, many_queries = get_counting(client, url)

    assert many_queries == few_queries
    assert [p.title for p in many.context["led_projects"]] == [
        "Projet 00",
        "Projet 01",
        "Projet 02",
    ]
    assert many.context["led_projects_count"] == 12  # the draft is not counted
    assert len(many.context["partner_projects"]) == shown
    assert "Les 3 premiers, par titre, des 12 projets publiés." in many.text
    assert "Brouillon" not in many.text


def test_a_team_page_bounds_its_projects_and_links_to_all_of_them(client, shown):
    team = TeamFactory()
    for _ in range(5):
        ProjectFactory(lead_team=team)
        ProjectPartnerFactory(team=team)
    response, _queries = get_counting(client, team.get_absolute_url())
    assert len(response.context["led_projects"]) == shown
    assert len(response.context["partner_projects"]) == shown
    assert f"?team={team.pk}" in response.text


def test_similar_projects_rank_shared_terms_then_the_latest_start():
    oncology, breast = domain("oncologie"), domain("cancer-du-sein")
    deep = technique("apprentissage-profond")
    project = ProjectFactory(domains=[oncology, breast], techniques=[deep])
    both = ProjectFactory(domains=[oncology, breast], techniques=[deep])
    one_old = ProjectFactory(domains=[oncology], start_date=datetime.date(2020, 1, 1))
    one_new = ProjectFactory(domains=[oncology], start_date=datetime.date(2025, 1, 1))
    ProjectFactory(domains=[oncology, breast], techniques=[deep], live=False)
    ProjectFactory()  # nothing shared

    similar = selectors.project_similar_by_taxonomy(project=project, size=4)

    assert similar == [both, one_new, one_old]


def test_similar_projects_look_at_a_bounded_number_of_candidates(monkeypatch):
    monkeypatch.setattr(selectors, "SIMILAR_CANDIDATES_PER_TERM_KIND", 2)
    oncology = domain("oncologie")
    project = ProjectFactory(domains=[oncology])
    older = ProjectFactory(domains=[oncology])
    latest = [ProjectFactory(domains=[oncology]) for _ in range(2)]

    similar = selectors.project_similar_by_taxonomy(project=project, size=4)

    assert older not in similar
    assert set(similar) <= set(latest)


def test_the_number_of_led_projects_is_counted_once_until_a_project_is_written(
    client, django_capture_on_commit_callbacks
):
    organisation = OrganisationFactory()
    ProjectFactory(lead_organisation=organisation)
    url = organisation.get_absolute_url()

    def count_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        return sum("SELECT COUNT(*)" in query["sql"] for query in queries)

    assert count_queries() == 1
    assert count_queries() == 0
    with django_capture_on_commit_callbacks(execute=True):
        ProjectFactory()  # any project: the generation is the projects' one
    assert count_queries() == 1


def test_the_home_page_reads_its_figures_from_the_cache_and_lists_the_latest(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        projects = [ProjectFactory() for _ in range(7)]
    client.get("/")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/")
    assert not [q for q in queries if "COUNT(" in q["sql"]]
    assert response.context["key_figures"]["projects"] == 7
    latest = [project.pk for project in response.context["latest_projects"]]
    assert latest == [project.pk for project in reversed(projects)][:6]
