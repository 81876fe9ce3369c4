"""The same matching with Elasticsearch answering: same shape, the engine's terms."""

import pytest

from search.matching.match import MatchRequest, team_match_list
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


def team_source(team) -> dict:
    from search.client import es_client
    from search.documents import TeamDocument

    return es_client().get(index=TeamDocument.alias(), id=team.pk)["_source"]


def test_team_profiles_live_in_the_index_and_follow_their_projects(search_engine):
    from django.contrib.auth import get_user_model

    from projects.evaluations.transitions import evaluation_transition
    from registry.models import Evaluation, EvaluationCriterion, EvaluationScore
    from search.indexing import index_rebuild, search_outbox_drain
    from tests.factories import EvaluationFactory, ProjectFactory

    scene = build_scene()
    index_rebuild(search_type="team")
    profile = team_source(scene.candidate)
    assert "Comptes rendus cardiaques" in profile["profile"]
    assert profile["granted_datasets"] == [str(scene.snds.pk)]
    assert profile["latest_start"].startswith("2025-06-01")
    # Drafts feed no profile: the draft project's title is nowhere.
    assert "Insuffisance cardiaque comptes rendus SNDS" not in profile["profile"]

    # A newly published project reaches the team's profile through the outbox.
    project = ProjectFactory(
        title="Oxymétrie nocturne", lead_team=scene.candidate, live=False
    )
    project.save_revision().publish()
    evaluation = EvaluationFactory(
        project=project,
        status=Evaluation.Status.COMPLETED,
        published_on=None,
        summary="Robuste sur les trois centres.",
    )
    for criterion in EvaluationCriterion.objects.all():
        EvaluationScore.objects.create(
            evaluation=evaluation, criterion=criterion, score=80
        )
    search_outbox_drain()
    profile = team_source(scene.candidate)
    assert "Oxymétrie nocturne" in profile["profile"]
    assert profile["evaluated_projects"] == []

    moderator = get_user_model().objects.create_superuser("moderation", "m@example.org")
    evaluation_transition(
        evaluation=evaluation, to_status=Evaluation.Status.PUBLISHED, user=moderator
    )
    search_outbox_drain()
    assert team_source(scene.candidate)["evaluated_projects"] == [str(project.pk)]

    # The engine's text score reads the profile: a word found only in it matches.
    found = team_match_list(request=MatchRequest(text="oxymétrie nocturne"))
    assert found and found[0].pk == scene.candidate.pk
    assert any("Oxymétrie nocturne" in s for s in found[0].reasons.sentences)
