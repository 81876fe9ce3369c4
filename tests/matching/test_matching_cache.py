"""The team page does not pay a full match on each view; the cache follows the
data."""

import pytest

from search.client import es_reset
from search.matching import match as matching
from tests.factories import ProjectFactory
from tests.matching.calls import CallFactory
from tests.matching.scene import build_scene

pytestmark = pytest.mark.django_db


@pytest.fixture
def scene(settings):
    settings.ELASTICSEARCH_URL = ""
    es_reset()
    yield build_scene()
    es_reset()


@pytest.fixture
def computations(monkeypatch):
    """Counts the real computations behind the team page's matches."""
    calls = []
    real = matching.team_match_neighbours_compute

    def counted(**kwargs):
        calls.append(kwargs["team"].pk)
        return real(**kwargs)

    monkeypatch.setattr(matching, "team_match_neighbours_compute", counted)
    return calls


def test_team_page_matches_come_from_the_cache_until_the_data_changes(
    client, scene, computations, django_capture_on_commit_callbacks
):
    url = scene.lead.get_absolute_url()
    first = client.get(url)
    second = client.get(url)
    assert computations == [scene.lead.pk]
    assert [m.pk for m in first.context["complementary_teams"]] == [
        m.pk for m in second.context["complementary_teams"]
    ]
    client.get("/en" + url)  # reasons are in the page's language: its own entry
    assert len(computations) == 2

    # A write is seen once committed (its generation is drawn after commit).
    with django_capture_on_commit_callbacks(execute=True):
        ProjectFactory(lead_team=scene.candidate, title="Nouveau projet publié")
    client.get(url)
    assert len(computations) == 3
    with django_capture_on_commit_callbacks(execute=True):
        CallFactory(team=scene.candidate)
    client.get(url)
    assert len(computations) == 4
