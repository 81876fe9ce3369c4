"""team_match_list on the database (no Elasticsearch): reasons, exclusions, drafts."""

import pytest

from search.client import es_reset
from search.matching.match import MatchInvalid, MatchRequest, team_match_list
from tests.matching.scene import build_scene

pytestmark = pytest.mark.django_db


@pytest.fixture
def scene(settings):
    settings.ELASTICSEARCH_URL = ""
    es_reset()
    yield build_scene()
    es_reset()


def by_pk(matches):
    return {match.pk: match for match in matches}


def test_project_match_gives_the_dataset_and_common_partner_reasons(scene):
    matches = by_pk(team_match_list(request=MatchRequest(project=scene.project.slug)))

    candidate = matches[scene.candidate.pk]
    assert candidate.reasons.shared_datasets == ["SNDS"]
    assert [p.name for p in candidate.reasons.common_partners] == [str(scene.common)]
    assert any("SNDS" in sentence for sentence in candidate.reasons.sentences)
    assert any(str(scene.common) in s for s in candidate.reasons.sentences)
    # Labels people read (issue 12), never stems.
    assert "Insuffisance cardiaque" in candidate.reasons.matched_terms
    assert [e.name for e in candidate.experts] == ["Alice Experte"]
    assert 0 < candidate.score <= 1


def test_requester_teams_and_current_partners_never_appear(scene):
    for request in (
        MatchRequest(project=scene.project.slug),
        MatchRequest(project=scene.project.slug, mode="similar"),
        MatchRequest(team=scene.lead.slug),
        MatchRequest(team=scene.lead.slug, mode="similar"),
    ):
        found = by_pk(team_match_list(request=request))
        assert scene.partner.pk not in found or request.team
        assert scene.lead.pk not in found
    project_matches = by_pk(
        team_match_list(request=MatchRequest(project=scene.project.slug))
    )
    assert scene.partner.pk not in project_matches


def test_drafts_neither_appear_nor_influence(scene):
    matches = team_match_list(
        request=MatchRequest(text="insuffisance cardiaque comptes rendus SNDS")
    )
    found = by_pk(matches)
    assert scene.draft_only.pk not in found
    candidate = by_pk(team_match_list(request=MatchRequest(team=scene.lead.slug)))[
        scene.candidate.pk
    ]
    # The only direct link lead–candidate is in the draft.
    assert candidate.reasons.past_collaborators == []


def test_required_expertise_and_dataset_from_a_text(scene):
    from tests.factories import domain

    matches = by_pk(
        team_match_list(
            request=MatchRequest(
                text="comptes rendus",
                domains=[domain("cardiologie").pk],
                dataset=scene.snds.slug,
            )
        )
    )
    candidate = matches[scene.candidate.pk]
    assert domain("cardiologie").name in candidate.reasons.covered_domains
    assert candidate.reasons.shared_datasets == ["SNDS"]
    assert candidate.signals["dataset"] == 1.0


def test_excluded_institute_removes_its_teams(scene):
    inria = scene.candidate.parents.get()
    found = by_pk(
        team_match_list(
            request=MatchRequest(
                project=scene.project.slug, excluded_institutes=[inria.pk]
            )
        )
    )
    assert scene.candidate.pk not in found and scene.common.pk not in found


@pytest.mark.parametrize(
    "request_kwargs, field, code",
    [
        ({}, "text", "required"),
        ({"text": "   "}, "text", "required"),
        ({"text": "a", "dataset": "inconnu"}, "dataset", "not_found"),
        ({"project": "pas-de-projet"}, "project", "not_found"),
        ({"team": "pas-d-equipe"}, "team", "not_found"),
        ({"text": "mot " * 20000}, "text", "too_long"),
        ({"text": "a", "mode": "autre"}, "mode", "invalid"),
    ],
)
def test_bad_input_is_refused(scene, request_kwargs, field, code):
    with pytest.raises(MatchInvalid) as raised:
        team_match_list(request=MatchRequest(**request_kwargs))
    assert {"field": field, "code": code} in [
        {"field": e["field"], "code": e["code"]} for e in raised.value.errors
    ]


def test_a_draft_project_is_unknown(scene):
    from projects.models import Project

    draft = Project.objects.get(live=False, lead_team=scene.draft_only)
    with pytest.raises(MatchInvalid):
        team_match_list(request=MatchRequest(project=draft.slug))
