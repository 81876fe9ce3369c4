"""The ceiling of the hide-one-partner benchmark: the best any ranker can expect.

The demo draws each partner at random among the teams that fit the slot
(portal/demo/partners.py): a uniform draw from the slot's pool, or with AGAIN_SHARE one
of the lead's past collaborators in it. A ranker that knew every slot's pool and odds
exactly, but could not foresee the draw itself, would list the teams by their odds;
the recall@k it can expect is the odds mass of its first k teams (the teams the
request already names, lead and visible partners, left out). A ranker reading the
registry knows less than the draw's pools and odds, so it cannot expect more: when
this ceiling is below a target, the target is out of reach of any ranker on this data.
"""

import math
import random
import statistics
from dataclasses import dataclass, field

from bench.matching import Case, project_half
from portal.demo.loader import SEED, demo_specs
from portal.demo.partners import draw_odds
from portal.demo.project_specs import ProjectSpec
from registry.models import Team


@dataclass
class Ceiling:
    name: str
    recall5: float
    recall10: float
    mrr: float
    cases: int  # the cases whose draw the demo's specs record
    # Each case's chance that the hidden partner is among this ranker's first 10.
    chances10: list[float] = field(default_factory=list, repr=False)

    def reach_chance(self, recall10: float) -> float:
        """The chance that this ranker's recall@10 reaches `recall10` on these cases
        (each case found independently with its own chance)."""
        needed = math.ceil(recall10 * self.cases - 1e-9)
        return at_least_chance(self.chances10, needed)


def at_least_chance(chances: list[float], needed: int) -> float:
    """The chance that at least `needed` of independent events with these chances
    happen (the Poisson binomial tail, by dynamic programming)."""
    counts = [1.0]  # counts[n]: the chance that n events happened so far
    for chance in chances:
        counts = [
            (counts[n] if n < len(counts) else 0.0) * (1 - chance)
            + (counts[n - 1] * chance if n else 0.0)
            for n in range(len(counts) + 1)
        ]
    return sum(counts[max(0, needed) :])


def case_ceiling(odds: dict[str, float], named: set[str]) -> tuple[float, ...]:
    """Expected recall@5, recall@10 and reciprocal rank of the hidden partner for a
    ranker listing the slot's teams by their odds, the named teams left out."""
    kept = sorted(
        (chance for slug, chance in odds.items() if slug not in named), reverse=True
    )
    total = sum(kept)
    if not total:
        return 0.0, 0.0, 0.0
    reciprocal = sum(chance / rank for rank, chance in enumerate(kept, start=1))
    return sum(kept[:5]) / total, sum(kept[:10]) / total, reciprocal / total


def odds_with_collaborators(
    odds: dict[str, float], collaborators: set[str]
) -> dict[str, float]:
    """A slot's odds as if the lead's past collaborators were `collaborators`."""
    return draw_odds(list(odds), [slug for slug in odds if slug in collaborators])


def lead_collaborators(projects: list[ProjectSpec]) -> dict[str, set[str]]:
    """For each published project, the teams its lead shares another published
    project with, earlier or later."""
    published = [spec for spec in projects if spec.published]
    consortia = {spec.slug: {spec.lead_team, *spec.partner_teams} for spec in published}
    return {
        spec.slug: set().union(
            *(
                teams
                for slug, teams in consortia.items()
                if slug != spec.slug and spec.lead_team in teams
            )
        )
        - {spec.lead_team}
        for spec in published
    }


def ceilings(cases: list[Case], *, later_traces: bool = False) -> dict[str, Ceiling]:
    """The expected ceiling on each half of the cases ("tune", "report") and on
    all, from the demo's own draw (the same seed as `seed_demo`).

    `later_traces`: the draw's odds know only the collaborations before it, but a
    lead works again with its partners, so later projects leave a trace of this one;
    with it, every team the lead shares another project with counts as a past
    collaborator (an overstatement that favours the ranker)."""
    _teams, _people, projects = demo_specs(random.Random(SEED))
    specs = {spec.slug: spec for spec in projects}
    collaborators = lead_collaborators(projects) if later_traces else {}
    team_slugs = dict(Team.objects.values_list("pk", "slug"))
    halves: dict[str, list[tuple[float, ...]]] = {"tune": [], "report": []}
    for case in cases:
        spec = specs.get(case.slug)
        hidden = team_slugs.get(case.hidden_team)
        if spec is None or hidden not in spec.partner_teams:
            continue  # not the demo's draw: no odds to read
        odds = spec.partner_odds[spec.partner_teams.index(hidden)]
        if later_traces:
            odds = odds_with_collaborators(odds, collaborators.get(spec.slug, set()))
        named = {spec.lead_team, *spec.partner_teams} - {hidden}
        halves[project_half(case.slug)].append(case_ceiling(odds, named))
    halves["all"] = halves["tune"] + halves["report"]
    return {
        half: Ceiling(
            name=half,
            recall5=statistics.fmean(row[0] for row in rows) if rows else 0.0,
            recall10=statistics.fmean(row[1] for row in rows) if rows else 0.0,
            mrr=statistics.fmean(row[2] for row in rows) if rows else 0.0,
            cases=len(rows),
            chances10=[row[1] for row in rows],
        )
        for half, rows in halves.items()
    }
