"""The partner teams of a demo project: teams that bring what its lead lacks.

The first partner brings either a technique the project's data need that the lead
lacks, or the project's clinical domain; the others share that domain; the lead's
twin (a team of its own specialty) is never one of them. Leads work again with
teams they already know, as consortia co-apply to the next call.
"""

import random
from dataclasses import dataclass, field

from portal.demo.fictional import CEA, CNRS, INRIA, INSERM, TeamSpec
from portal.demo.specialties import TECHNIQUE_MODALITIES
from portal.demo.topics import Topic

INSTITUTES = {INSERM, INRIA, CNRS, CEA}
# Chance that a partner slot goes to a fitting team the lead has worked with before:
# consortia co-apply to the next call. With 0.3, 47 % of partner links repeat a (lead,
# partner) pair of another project (34 % with no preference, 44 % before topics were
# drawn least-used first); 0.5 would give 53 %.
AGAIN_SHARE = 0.3


@dataclass
class PartnerDraw:
    """The partners drawn, the technique one of them brings, and each partner's
    slot odds: every team's chance to have filled that slot (what the matching
    benchmark's ceiling is computed from: bench/matching_ceiling.py)."""

    chosen: list[TeamSpec] = field(default_factory=list)
    brought: str | None = None
    odds: list[dict[str, float]] = field(default_factory=list)


def institutes_of(team: TeamSpec) -> set[str]:
    return INSTITUTES & set(team.parents)


def is_cross_institute(institute_sets: list[set[str]]) -> bool:
    """Partner teams under different institutes, none of them common to all teams."""
    if len(institute_sets) < 2:
        return False
    return len(set.union(*institute_sets)) >= 2 and not set.intersection(
        *institute_sets
    )


def _complements(
    lead: TeamSpec, teams: list[TeamSpec], topic: Topic
) -> tuple[list[TeamSpec], list[TeamSpec]]:
    """Teams bringing a technique the topic's data need, and teams of its domain."""
    by_technique = [
        t
        for t in teams
        if any(
            x not in lead.techniques and handles_one(x, topic.modality)
            for x in t.techniques
        )
    ]
    return by_technique, [t for t in teams if topic.domain in t.domains]


def partners_draw(
    rng,
    lead: TeamSpec,
    teams: list[TeamSpec],
    topic: Topic,
    cross: bool,
    again: tuple[random.Random, set[str]] | None = None,
) -> PartnerDraw:
    """Partner teams that complement the lead, and the technique one of them brings.

    The first partner brings either a technique the data need that the lead lacks, or
    the clinical domain; the others share the project's domain. A team of the lead's
    own specialty (its twin) is never the complement. `again` (a generator of its own
    and the teams the lead has worked with) gives each slot, with AGAIN_SHARE, to a
    past collaborator from the same pool.
    """
    count = rng.choice([1, 1, 2, 3])
    others = [t for t in teams if t.specialty != lead.specialty]
    crossing = [
        t
        for t in others
        if institutes_of(t) and not institutes_of(t) & institutes_of(lead)
    ]
    by_technique, by_domain = _complements(lead, crossing if cross else others, topic)
    if cross and not (by_technique or by_domain):
        by_technique, by_domain = _complements(lead, others, topic)
    draw = PartnerDraw()
    if by_technique and (rng.random() < 0.5 or not by_domain):
        draw.odds.append(slot_odds(by_technique, [], again))
        first = _again(rng.choice(by_technique), by_technique, [], again)
        draw.chosen = [first]
        draw.brought = next(
            t
            for t in first.techniques
            if t not in lead.techniques and handles_one(t, topic.modality)
        )
    pool = [t for t in by_domain if t not in draw.chosen] or [
        t for t in by_technique if t not in draw.chosen
    ]
    if not draw.chosen and not pool:
        # Nobody else works on this domain or data: a team sharing the lead's other
        # domain, as real consortia do.
        pool = [t for t in others if set(t.domains) & set(lead.domains)] or others
    while len(draw.chosen) < count and pool:
        draw.odds.append(slot_odds(pool, draw.chosen, again))
        team = _again(rng.choice(pool), pool, draw.chosen, again)
        draw.chosen.append(team)
        pool.remove(team)
    return draw


def slot_odds(
    pool: list[TeamSpec],
    chosen: list[TeamSpec],
    again: tuple[random.Random, set[str]] | None,
) -> dict[str, float]:
    """Each team's chance to fill a slot drawn from `pool` (as `_again` draws it):
    the uniform draw, or with AGAIN_SHARE one of the lead's past collaborators."""
    known = _known(pool, chosen, again)
    return draw_odds([t.slug for t in pool], [t.slug for t in known])


def draw_odds(pool: list[str], known: list[str]) -> dict[str, float]:
    """Each team's chance to be drawn from `pool` when, with AGAIN_SHARE, the draw
    goes to one of the `known` teams (past collaborators, in the pool) instead."""
    uniform = (1 - AGAIN_SHARE if known else 1.0) / len(pool)
    odds = {slug: uniform for slug in pool}
    for slug in known:
        odds[slug] += AGAIN_SHARE / len(known)
    return odds


def _known(
    pool: list[TeamSpec],
    chosen: list[TeamSpec],
    again: tuple[random.Random, set[str]] | None,
) -> list[TeamSpec]:
    """The lead's past collaborators in the pool, not yet chosen."""
    if again is None:
        return []
    return [t for t in pool if t.slug in again[1] and t not in chosen]


def _again(
    drawn: TeamSpec,
    pool: list[TeamSpec],
    chosen: list[TeamSpec],
    again: tuple[random.Random, set[str]] | None,
) -> TeamSpec:
    """The drawn team, or with AGAIN_SHARE a past collaborator of the lead from the
    same pool. The main draw is made either way, so the main sequence stays aligned."""
    known = _known(pool, chosen, again)
    if known and again[0].random() < AGAIN_SHARE:
        return again[0].choice(known)
    return drawn


def handles_one(technique: str, modality: str) -> bool:
    return modality in TECHNIQUE_MODALITIES[technique]
