"""The earlier matchers of the hide-one-partner benchmark (bench/matching.py), on
the same cases: the previous matcher (bench/previous/, the scoring before issue
12, its own weights), and today's scoring with the institute-diversity rule it had
until the rule was capped (a penalty per listed team of the same institute, as
bench/previous/match.py)."""

import dataclasses
from collections import Counter

from django.conf import settings
from django.test.utils import override_settings

from bench.previous import match as previous
from bench.previous import signals as previous_signals
from search.matching.match import match_rank

# Deep enough for the previous rule's pool (4 × the 50 results ranked).
POOL = 200


def uncapped_diversify(matches, *, size: int) -> list[int]:
    """The diversity rule before it was capped: each pick lowers the teams of its
    institutes by the penalty once more (the rule of bench/previous/match.py,
    without its quadratic `pool.index`)."""
    penalty = settings.MATCHING_DIVERSITY_PENALTY
    pool = list(enumerate(matches[: size * 4]))
    chosen: list[int] = []
    seen: Counter = Counter()
    while pool and len(chosen) < size:
        best = max(
            pool,
            key=lambda entry: (
                entry[1].score
                - penalty * max((seen[n] for n in entry[1].institutes), default=0),
                -entry[0],
            ),
        )
        pool.remove(best)
        chosen.append(best[1].pk)
        seen.update(best[1].institutes)
    return chosen


def uncapped_ranked(
    context, facts, *, weights: dict[str, float] | None, size: int
) -> list[int]:
    """Team ids in today's score order, re-ranked by the uncapped diversity rule."""
    with override_settings(MATCHING_DIVERSITY_PENALTY=0.0):
        in_score_order = match_rank(
            context=dataclasses.replace(context, size=POOL),
            facts=facts,
            weights=weights,
        )
    return uncapped_diversify(in_score_order, size=size)


def previous_registry():
    return previous_signals.registry_load()


def previous_ranked(registry, *, project_pk: int, slug: str, hidden_team: int):
    """The previous matcher's team ids for the project, the hidden (project,
    team) link removed from its registry before anything is computed."""
    projects = dict(registry.projects)
    facts = projects[project_pk]
    projects[project_pk] = dataclasses.replace(facts, teams=facts.teams - {hidden_team})
    hidden = dataclasses.replace(registry, projects=projects)
    context = previous.match_context(
        request=previous.MatchRequest(project=slug, size=50), registry=hidden
    )
    assert hidden_team not in context.requester_teams
    ranked = previous.match_rank(
        context=context,
        registry=hidden,
        profiles=previous_signals.team_profiles(hidden),
    )
    return [match.pk for match in ranked]
