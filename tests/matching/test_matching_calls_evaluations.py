"""Open calls and evaluation experience in matching, on hand-built cases: the right
bonus and reason, and nothing from drafts, closed calls or unpublished projects."""

import pytest

from registry.models import Evaluation
from search.client import es_reset
from search.matching.match import MatchRequest, team_match_list
from tests.factories import (
    EvaluationFactory,
    ProjectFactory,
    TeamFactory,
    domain,
    technique,
)
from tests.matching.calls import CallFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def database_only(settings):
    settings.ELASTICSEARCH_URL = ""
    es_reset()
    yield
    es_reset()


def by_pk(matches):
    return {match.pk: match for match in matches}


@pytest.fixture
def requester():
    """A cardiology NLP project: what its team offers to a call."""
    return ProjectFactory(
        title="Comptes rendus de cardiologie",
        summary="Traitement automatique des comptes rendus de cardiologie.",
        domains=[domain("cardiologie")],
        techniques=[technique("tal")],
    )


def oncology_team(name: str):
    team = TeamFactory(name=name)
    ProjectFactory(
        lead_team=team,
        title=f"Imagerie des tumeurs {name}",
        summary="Segmentation des tumeurs en imagerie.",
        domains=[domain("oncologie"), domain("cardiologie")],
        techniques=[technique("reseaux-convolutifs")],
    )
    return team


def test_an_open_call_for_what_the_requester_offers_raises_the_match(requester):
    seeking = oncology_team("Cherche TAL")
    plain = oncology_team("Sans appel")
    CallFactory(
        team=seeking,
        title="Recherche partenaire en traitement des langues",
        domains=[domain("cardiologie")],
        techniques=[technique("tal")],
    )

    matches = by_pk(team_match_list(request=MatchRequest(project=requester.slug)))

    found = matches[seeking.pk]
    assert found.signals["open_call"] == 1.0
    assert matches[plain.pk].signals["open_call"] == 0.0
    assert found.score > matches[plain.pk].score
    [call] = found.reasons.open_calls
    assert call.title == "Recherche partenaire en traitement des langues"
    assert call.matched == ["Cardiologie et maladies vasculaires"] + [
        technique("tal").name
    ]
    assert any(
        s.startswith(
            "Appel ouvert : « Recherche partenaire en traitement des langues »"
        )
        for s in found.reasons.sentences
    )
    assert not matches[plain.pk].reasons.open_calls


def test_a_call_fits_in_part_and_by_words_without_tags(requester):
    half = oncology_team("Moitié")
    CallFactory(
        team=half,
        title="Deux compétences",
        techniques=[technique("tal"), technique("transformers")],
    )
    words = oncology_team("Par les mots")
    CallFactory(
        team=words,
        title="Comptes rendus",
        text="Cherche une équipe du traitement automatique des comptes rendus.",
    )
    matches = by_pk(team_match_list(request=MatchRequest(project=requester.slug)))

    assert matches[half.pk].signals["open_call"] == 0.5
    assert 0 < matches[words.pk].signals["open_call"] <= 1
    # A call read through its words names no stems: its title says what it seeks.
    assert matches[words.pk].reasons.open_calls[0].title == "Comptes rendus"
    assert matches[words.pk].reasons.open_calls[0].matched == []


def test_drafts_closed_calls_and_unpublished_projects_change_nothing(requester):
    team = oncology_team("Appels invisibles")
    for status in ("draft", "closed"):
        CallFactory(
            team=team, status=status, domains=[domain("cardiologie")], title=status
        )
    hidden_project = ProjectFactory(lead_team=team, live=False)
    CallFactory(
        project=hidden_project, title="Brouillon", techniques=[technique("tal")]
    )
    # A team known only through an unpublished project's call never appears.
    ghost = TeamFactory(name="Fantôme")
    CallFactory(
        project=ProjectFactory(lead_team=ghost, live=False),
        techniques=[technique("tal")],
    )

    matches = by_pk(team_match_list(request=MatchRequest(project=requester.slug)))

    assert matches[team.pk].signals["open_call"] == 0.0
    assert matches[team.pk].reasons.open_calls == []
    assert ghost.pk not in matches


def test_teams_with_published_evaluations_say_so(requester):
    evaluated = oncology_team("Évaluée")
    pending = oncology_team("En cours")
    EvaluationFactory(project=evaluated.led_projects.get())
    EvaluationFactory(
        project=pending.led_projects.get(),
        status=Evaluation.Status.COMPLETED,
        published_on=None,
    )

    matches = by_pk(team_match_list(request=MatchRequest(project=requester.slug)))

    title = str(evaluated.led_projects.get())
    assert matches[evaluated.pk].reasons.evaluated_projects == [title]
    assert matches[evaluated.pk].signals["evaluation"] == 0.5
    assert any(
        s == f"A mené un projet jusqu’à une évaluation INESIA publiée : {title}."
        for s in matches[evaluated.pk].reasons.sentences
    )
    assert matches[pending.pk].reasons.evaluated_projects == []
    assert matches[pending.pk].signals["evaluation"] == 0.0
