"""The same matching with Elasticsearch answering: same shape, the engine's terms."""

import pytest

from search.matching import MatchRequest, team_match_list
from tests.conftest import rebuild_all
from tests.matching.scene import build_scene

pytestmark = pytest.mark.django_db


def test_matching_with_the_engine(search_engine):
    scene = build_scene()
    rebuild_all()

    matches = {
        m.pk: m
        for m in team_match_list(request=MatchRequest(project=scene.project.slug))
    }

    assert scene.lead.pk not in matches and scene.partner.pk not in matches
    assert scene.draft_only.pk not in matches
    candidate = matches[scene.candidate.pk]
    assert candidate.reasons.shared_datasets == ["SNDS"]
    assert candidate.signals["text"] > 0
    assert candidate.reasons.matched_terms


def test_engine_text_request_and_team_modes(search_engine):
    scene = build_scene()
    rebuild_all()

    text = team_match_list(request=MatchRequest(text="comptes rendus cardiaques"))
    assert scene.candidate.pk in [m.pk for m in text]
    similar = team_match_list(
        request=MatchRequest(team=scene.lead.slug, mode="similar")
    )
    assert scene.lead.pk not in [m.pk for m in similar]
