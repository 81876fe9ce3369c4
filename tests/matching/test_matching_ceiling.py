"""The hide-one-partner benchmark's ceiling (bench/matching_ceiling.py): the recall a
ranker knowing the demo's draw odds can expect, and its chance to reach a target."""

from types import SimpleNamespace

import pytest

from bench.matching_ceiling import (
    at_least_chance,
    case_ceiling,
    lead_collaborators,
    odds_with_collaborators,
)
from portal.demo.partners import AGAIN_SHARE


def test_a_pool_within_the_first_five_is_always_found():
    odds = {"a": 0.25, "b": 0.25, "c": 0.25, "d": 0.25}
    assert case_ceiling(odds, named=set()) == pytest.approx(
        (1.0, 1.0, (1 + 1 / 2 + 1 / 3 + 1 / 4) / 4)
    )


def test_a_wide_pool_caps_the_recall_by_the_odds_of_the_first_teams():
    # 20 teams, one past collaborator with a third of the odds.
    odds = {f"t{n}": (2 / 3) / 19 for n in range(19)} | {"known": 1 / 3}
    recall5, recall10, mrr = case_ceiling(odds, named=set())
    assert recall5 == pytest.approx(1 / 3 + 4 * (2 / 3) / 19)
    assert recall10 == pytest.approx(1 / 3 + 9 * (2 / 3) / 19)
    assert 1 / 3 < mrr < recall5


def test_the_named_teams_are_left_out_and_the_rest_renormalised():
    odds = {"visible partner": 0.5, "a": 0.25, "b": 0.25}
    assert case_ceiling(odds, named={"visible partner"}) == pytest.approx(
        (1.0, 1.0, (1 + 1 / 2) / 2)
    )
    assert case_ceiling({"a": 1.0}, named={"a"}) == (0.0, 0.0, 0.0)


def test_the_chance_to_find_at_least_n_of_independent_cases():
    assert at_least_chance([0.5, 0.5], 2) == pytest.approx(0.25)
    assert at_least_chance([0.5, 0.5], 1) == pytest.approx(0.75)
    assert at_least_chance([0.9, 0.8, 1.0], 3) == pytest.approx(0.72)
    assert at_least_chance([0.3], 0) == pytest.approx(1.0)
    assert at_least_chance([], 1) == 0.0


def test_collaborators_found_later_take_the_again_share():
    odds = {"a": 0.25, "b": 0.25, "c": 0.25, "d": 0.25}
    widened = odds_with_collaborators(odds, {"b", "z"})
    assert widened["b"] == pytest.approx((1 - AGAIN_SHARE) / 4 + AGAIN_SHARE)
    assert widened["a"] == pytest.approx((1 - AGAIN_SHARE) / 4)
    assert sum(widened.values()) == pytest.approx(1.0)
    assert odds_with_collaborators(odds, set()) == odds


def test_a_lead_s_collaborators_come_from_its_other_published_projects():
    def spec(slug, lead, partners, published=True):
        return SimpleNamespace(
            slug=slug, lead_team=lead, partner_teams=partners, published=published
        )

    projects = [
        spec("p1", "lead", ["x"]),
        spec("p2", "y", ["lead", "z"]),
        spec("p3", "lead", ["hidden"], published=False),
        spec("p4", "other", ["w"]),
    ]
    found = lead_collaborators(projects)
    assert found["p1"] == {"y", "z"}
    assert found["p2"] == set()  # its lead, y, has no other project
    assert "p3" not in found
