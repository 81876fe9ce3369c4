"""The consortium's signals (issue 12, hide-one-partner): institutes crossed against
the lead's institutes, stronger when the consortium already crosses them, and a
past collaborator of the lead itself."""

import pytest

from search.client import es_reset
from search.matching.facts import RegistryFacts
from search.matching.match import (
    MatchRequest,
    match_context,
    match_rank,
    team_match_list,
)
from search.matching.profiles import team_profiles
from search.matching.refresh import matching_pending_apply
from search.matching.requests import CROSS_WITHIN
from search.matching.signals import registry_load
from search.matching.store import TableFacts
from tests.factories import (
    OrganisationFactory,
    ProjectFactory,
    ProjectPartnerFactory,
    TeamFactory,
    domain,
    technique,
)

pytestmark = pytest.mark.django_db

CROSSING = "D’un autre institut que l’équipe porteuse, comme les autres partenaires"


@pytest.fixture
def teams(settings):
    """A lead (institute A) and its partner (B) on a cardiology project; four teams
    alike but for their institute or whom they worked with: Aaa under A, Bbb under
    B (the partner's institute, not the lead's), Ccc and Ddd under C, Ccc having
    worked with the partner before and Ddd with the lead. Names in alphabetical
    order put the team the signal must lift last."""
    settings.ELASTICSEARCH_URL = ""
    es_reset()
    a, b, c = (OrganisationFactory(name=f"Institut {x}") for x in "ABC")
    lead = TeamFactory(name="Oncologie clinique", parents=[a])
    partner = TeamFactory(name="Statistique clinique", parents=[b])
    cardio, vision = domain("cardiologie"), technique("vision")
    project = ProjectFactory(
        lead_team=lead,
        title="Échographies cardiaques",
        summary="Segmenter les échographies cardiaques.",
        domains=[cardio],
        techniques=[vision],
    )
    ProjectPartnerFactory(project=project, team=partner)
    found = {"lead": lead, "partner": partner, "project": project}
    for name, institute in (("Aaa", a), ("Bbb", b), ("Ccc", c), ("Ddd", c)):
        team = TeamFactory(
            name=f"{name} imagerie cardiaque", acronym=name, parents=[institute]
        )
        ProjectFactory(
            lead_team=team,
            title="Vision par ordinateur en cardiologie",
            summary="Échographies cardiaques et vision par ordinateur.",
            domains=[cardio],
            techniques=[vision],
        )
        found[name] = team
    for known, by in (("Ccc", partner), ("Ddd", lead)):
        earlier = ProjectFactory(lead_team=by, title="Registre", summary="Registre.")
        ProjectPartnerFactory(project=earlier, team=found[known])
    matching_pending_apply(limit=None)
    yield found
    es_reset()


def by_pk(request: MatchRequest) -> dict:
    return {match.pk: match for match in team_match_list(request=request)}


def test_a_team_outside_the_leads_institutes_crosses_even_under_a_partners(teams):
    found = by_pk(MatchRequest(project=teams["project"].slug, size=20))
    aaa, bbb = found[teams["Aaa"].pk], found[teams["Bbb"].pk]
    # The consortium crosses institutes (its partner is not under A): a team under
    # B brings another institute than the lead's, one under A does not.
    assert bbb.signals["cross_institute"] == 1.0
    assert aaa.signals["cross_institute"] == 0.0
    assert bbb.score > aaa.score
    assert any(CROSSING in sentence for sentence in bbb.reasons.sentences)
    assert not aaa.reasons.cross_institute


def test_the_signal_is_halved_when_a_partner_shares_the_leads_institute(teams):
    ProjectPartnerFactory(
        project=teams["project"],
        team=TeamFactory(
            name="Cardiologie du même institut", parents=[teams["lead"].parents.first()]
        ),
    )
    matching_pending_apply(limit=None)
    found = by_pk(MatchRequest(project=teams["project"].slug, size=20))
    bbb = found[teams["Bbb"].pk]
    assert bbb.signals["cross_institute"] == CROSS_WITHIN
    assert "Rapprochement entre instituts différents." in bbb.reasons.sentences
    assert not any(CROSSING in sentence for sentence in bbb.reasons.sentences)


def test_a_team_request_crosses_against_its_own_institutes(teams):
    found = by_pk(MatchRequest(team=teams["lead"].slug, size=20))
    assert found[teams["Bbb"].pk].signals["cross_institute"] == 1.0
    assert found[teams["Aaa"].pk].signals["cross_institute"] == 0.0


def test_a_past_collaborator_of_the_lead_outranks_one_of_a_partner(teams):
    found = by_pk(MatchRequest(project=teams["project"].slug, size=20))
    of_partner, of_lead = found[teams["Ccc"].pk], found[teams["Ddd"].pk]
    assert of_lead.signals["lead_collaborator"] == 1.0
    assert of_partner.signals["lead_collaborator"] == 0.0
    assert of_lead.signals["network"] == of_partner.signals["network"] > 0
    assert of_lead.score > of_partner.score
    # The reasons name the lead it worked with.
    assert [p.name for p in of_lead.reasons.past_collaborators] == [str(teams["lead"])]


def test_the_tables_and_the_registry_give_the_same_consortium_signals(teams):
    request = MatchRequest(project=teams["project"].slug, size=20)
    registry = registry_load()
    memory = RegistryFacts(registry, team_profiles(registry))
    tables = TableFacts()
    from_tables = match_rank(
        context=match_context(request=request, facts=tables), facts=tables
    )
    in_memory = match_rank(
        context=match_context(request=request, facts=memory), facts=memory
    )
    assert [(m.pk, m.score, m.signals, m.reasons.sentences) for m in from_tables] == [
        (m.pk, m.score, m.signals, m.reasons.sentences) for m in in_memory
    ]
