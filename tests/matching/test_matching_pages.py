"""The /collaborateurs/ page, the project page's link and the team page's sections."""

import pytest

from search.client import es_reset
from search.matching.match import MatchRequest, team_match_list
from tests.matching.scene import build_scene

pytestmark = pytest.mark.django_db


@pytest.fixture
def scene(settings):
    settings.ELASTICSEARCH_URL = ""
    es_reset()
    yield build_scene()
    es_reset()


def test_matching_page_lists_the_service_results(client, scene):
    response = client.get("/collaborateurs/", {"project": scene.project.slug})

    assert response.status_code == 200
    html = response.content.decode()
    expected = team_match_list(request=MatchRequest(project=scene.project.slug))
    assert [m.pk for m in response.context["matches"]] == [m.pk for m in expected]
    assert scene.candidate.name in html
    assert "A déjà obtenu l’accès à SNDS" in html
    assert "Alice Experte" in html
    assert "@example.org" not in html
    assert f'data-team="{scene.partner.slug}"' not in html


def test_matching_page_form_and_errors(client, scene):
    empty = client.get("/collaborateurs/")
    assert empty.status_code == 200 and "matching-form" in empty.content.decode()
    blank = client.get("/collaborateurs/", {"text": ""})
    assert blank.status_code == 400
    english = client.get("/en/collaborateurs/", {"text": "comptes rendus"})
    assert english.status_code == 200


def test_project_page_links_to_complementary_teams(client, scene):
    html = client.get(scene.project.get_absolute_url()).content.decode()
    assert f"/collaborateurs/?project={scene.project.slug}" in html
    assert "Trouver des équipes complémentaires" in html


def test_team_page_shows_similar_and_complementary_teams(client, scene):
    response = client.get(scene.lead.get_absolute_url())

    assert response.status_code == 200
    html = response.content.decode()
    assert "Équipes similaires" in html or "Équipes complémentaires" in html
    shown = [m.pk for m in response.context["complementary_teams"]]
    shown += [m.pk for m in response.context["similar_teams"]]
    assert scene.lead.pk not in shown
    assert scene.draft_only.pk not in shown
