"""The institute-diversity rule of team matching (search/matching/match.py): it
breaks near-ties in favour of another institute, and never buries a team under
many teams of its own institute (issue 12, hide-one-partner benchmark)."""

from django.test import override_settings

from search.matching.match import TeamMatch, diversify
from search.matching.reasons import MatchReasons


def team(pk: int, score: float, institute: str) -> TeamMatch:
    return TeamMatch(
        pk=pk,
        slug=f"t{pk}",
        name=f"Team {pk}",
        url="",
        institutes=[institute],
        score=score,
        signals={},
        reasons=MatchReasons(),
    )


@override_settings(MATCHING_DIVERSITY_PENALTY=0.03)
def test_a_near_tie_goes_to_another_institute_and_says_so():
    matches = [team(1, 0.50, "A"), team(2, 0.49, "A"), team(3, 0.48, "B")]
    chosen = diversify(matches, size=3)
    assert [m.pk for m in chosen] == [1, 3, 2]
    assert chosen[1].lifted_by_diversity
    assert not chosen[0].lifted_by_diversity


@override_settings(MATCHING_DIVERSITY_PENALTY=0.03)
def test_a_team_is_never_buried_under_many_teams_of_its_institute():
    # Six teams of one large institute, each clearly above the other institute's
    # team: a penalty growing with each listed team of "A" (0.03 × 3 = 0.09)
    # used to lift the weaker team of "B" above the fourth of them.
    matches = [team(pk, 0.50 - pk / 100, "A") for pk in range(6)]
    matches.append(team(9, 0.40, "B"))
    chosen = diversify(matches, size=7)
    assert [m.pk for m in chosen] == [0, 1, 2, 3, 4, 5, 9]
    assert not any(m.lifted_by_diversity for m in chosen)
