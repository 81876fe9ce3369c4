"""Team matching: which teams bring what the requester lacks, and why.

A request has two sides (search/matching/requests.py): what the requester *has* and
what it *needs*. `team_match_list` scores every team with a public project on
weighted signals (`settings.MATCHING_WEIGHTS`): how much of the need the team
covers (concepts in both languages, weighted by rarity), text relevance of the need,
datasets it was granted, network proximity, recency, open calls, published
evaluations, institutes; and it takes off for redundancy, a team whose declared
expertise is what the requester already has. Resembling the requester earns
nothing. Results come in score order; the institute-diversity rule may lift a
result, and the result then says so. The requester's own teams never appear.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings

from registry.models import Team
from search.matching.cache import matching_cached
from search.matching.calls import CallFit, best_call_fits
from search.matching.engine import engine_text
from search.matching.experts import Expert, experts_attach
from search.matching.facts import MatchFacts, query_words
from search.matching.profiles import TeamProfile, bm25_scores, concept_rarity
from search.matching.reasons import MatchReasons, match_reasons, team_url
from search.matching.requests import (  # noqa: F401 (the service's vocabulary)
    MAX_SIZE,
    MODES,
    MatchContext,
    MatchInvalid,
    MatchRequest,
    match_context,
    match_request_check,
)
from search.matching.store import TableFacts


@dataclass
class TeamMatch:
    pk: int
    slug: str
    name: str
    url: str
    institutes: list[str]
    score: float  # 0–1
    signals: dict[str, float]
    reasons: MatchReasons
    experts: list[Expert] = field(default_factory=list)
    # Shown above a team with a higher score by the institute-diversity rule.
    lifted_by_diversity: bool = False

    @property
    def score_percent(self) -> int:
        return round(self.score * 100)


# --- scoring --------------------------------------------------------------------


def _normalised(scores: dict[int, float]) -> dict[int, float]:
    top = max(scores.values(), default=0.0)
    return {pk: score / top for pk, score in scores.items()} if top else {}


def match_rank(
    *,
    context: MatchContext,
    facts: MatchFacts,
    engine_text: dict[int, float] | None = None,
    weights: dict[str, float] | None = None,
    today: datetime.date | None = None,
) -> list[TeamMatch]:
    """Score, filter and diversify the candidates; pure Python over their profiles."""
    weights = weights or settings.MATCHING_WEIGHTS
    today = today or datetime.date.today()
    profiles, corpus = facts.candidates(context, extra=engine_text or ())
    text = _normalised(bm25_scores(query_words(context), profiles, corpus))
    if engine_text:
        engine = _normalised(engine_text)
        text = {
            pk: 0.5 * text.get(pk, 0.0) + 0.5 * engine.get(pk, 0.0)
            for pk in set(text) | set(engine)
        }
    rarity = concept_rarity(context.need, corpus)
    neighbours = context.neighbours
    total_weight = sum(w for w in weights.values() if w > 0) or 1.0
    matches = []
    call_fits: dict[int, list[CallFit]] = {}
    for pk, profile in profiles.items():
        if pk in context.requester_teams:
            continue
        if context.excluded_institutes & profile.institutes:
            continue
        fits = best_call_fits(profile.open_calls, context.offer)
        signals = _signals(
            profile,
            context=context,
            rarity=rarity,
            fits=fits,
            text=text.get(pk, 0.0),
            neighbours=neighbours,
            today=today,
        )
        if not (
            signals["need"]
            or signals["text"]
            or signals["dataset"]
            or signals["open_call"]
        ):
            continue
        score = sum(weights.get(name, 0.0) * value for name, value in signals.items())
        matches.append(
            TeamMatch(
                pk=pk,
                slug=profile.slug,
                name=profile.name,
                url="",  # set below for the teams shown
                institutes=[n for n in profile.institute_names if n],
                score=max(0.0, min(1.0, score / total_weight)),
                signals={name: round(value, 3) for name, value in signals.items()},
                reasons=MatchReasons(),
            )
        )
        call_fits[pk] = fits
    matches.sort(key=lambda match: (-match.score, match.name))
    chosen = diversify(matches, size=context.size)
    # Reasons only for the teams shown: the other candidates never need them. The
    # names they cite, read at once for all.
    facts.team_refs(
        set().union(
            *(profiles[m.pk].collaborators for m in chosen),
        )
        & (neighbours | context.requester_teams)
    )
    facts.project_titles(
        set().union(*(profiles[m.pk].evaluated_projects for m in chosen))
    )
    for match in chosen:
        match.url = team_url(match.slug)
        match.reasons = match_reasons(
            profiles[match.pk],
            context=context,
            facts=facts,
            neighbours=neighbours,
            fits=call_fits[match.pk],
        )
    return chosen


def _signals(
    profile: TeamProfile,
    *,
    context: MatchContext,
    rarity: dict[str, float],
    fits: list[CallFit],
    text: float,
    neighbours: set[int],
    today: datetime.date,
) -> dict[str, float]:
    wanted = sum(context.need[key] * rarity[key] for key in context.need)
    covered = sum(
        context.need[key] * rarity[key] * profile.concepts.get(key, 0.0)
        for key in context.need
    )
    # Redundancy: the share of the team's declared expertise that the requester
    # already has and does not ask for.
    # (Summed in key order: the same bits from the tables as from memory.)
    core = sorted(
        key for key in profile.core if key in context.have and key not in context.need
    )
    redundancy = (
        sum(context.have[key] for key in core) / len(profile.core)
        if profile.core
        else 0.0
    )
    datasets = set(context.wanted_datasets)
    dataset = (
        len(datasets & profile.granted_datasets) / len(datasets) if datasets else 0.0
    )
    direct = profile.collaborators & context.requester_teams
    common = (profile.collaborators & neighbours) - context.requester_teams
    network = min(1.0, (2 * len(direct) + len(common)) / 4)
    recency = 0.0
    if profile.latest_start:
        recency = max(0.0, 1 - (today.year - profile.latest_start.year) / 8)
    return {
        "need": covered / wanted if wanted else 0.0,
        "text": text,
        "redundancy": -redundancy,
        "dataset": dataset,
        "network": network,
        # Worked with the lead itself: consortia re-apply together.
        "lead_collaborator": float(bool(profile.collaborators & context.lead_teams)),
        "recency": min(1.0, recency),
        "cross_institute": context.cross_institute(profile.institutes),
        "preferred_institute": float(
            bool(context.preferred_institutes & profile.institutes)
        ),
        "open_call": fits[0].fit if fits else 0.0,
        # Projects taken as far as a published INESIA evaluation: two make it full.
        "evaluation": min(1.0, len(profile.evaluated_projects) / 2),
    }


def diversify(matches: list[TeamMatch], *, size: int) -> list[TeamMatch]:
    """Greedy re-rank: a team sharing an institute with a team already picked is
    lowered by the penalty, so a near-tie goes to another institute and the top is
    not one institute. Lowered once, not once per team of its institute already
    shown: with a few large institutes, a growing penalty buried their good teams
    under weaker ones (hide-one-partner, tuning half: recall@10 0.75 → 0.85).
    A team placed above one with a higher score is marked, so the page says why."""
    penalty = settings.MATCHING_DIVERSITY_PENALTY
    pool = list(enumerate(matches[: size * 4]))  # (score rank, match)
    chosen: list[TeamMatch] = []
    seen: set[str] = set()
    while pool and len(chosen) < size:

        def adjusted(entry: tuple[int, TeamMatch]) -> tuple[float, int]:
            rank, match = entry
            overlap = bool(seen.intersection(match.institutes))
            return (match.score - penalty * overlap, -rank)

        best = max(pool, key=adjusted)
        best[1].lifted_by_diversity = best[0] > pool[0][0] and (
            best[1].score < pool[0][1].score
        )
        pool.remove(best)
        chosen.append(best[1])
        seen.update(best[1].institutes)
    return chosen


# --- the service ----------------------------------------------------------------


def team_match_list(*, request: MatchRequest) -> list[TeamMatch]:
    """Ranked teams for a match request, with their reasons and experts.

    Raises MatchInvalid for bad input. Uses Elasticsearch for part of the text score
    when it answers, the database alone otherwise; the shape is the same.
    """
    facts = TableFacts()
    context = match_context(request=request, facts=facts)
    matches = match_rank(context=context, facts=facts, engine_text=engine_text(context))
    experts_attach(matches=matches, context=context)
    return matches


def team_match_neighbours(*, team: Team, size: int = 4) -> dict[str, list[TeamMatch]]:
    """`team_match_neighbours_compute`, from the cache while the data is unchanged."""
    return matching_cached(
        f"neighbours:{team.pk}:{size}",
        lambda: team_match_neighbours_compute(team=team, size=size),
    )


def team_match_neighbours_compute(
    *, team: Team, size: int = 4
) -> dict[str, list[TeamMatch]]:
    """Similar and complementary teams for a team page. Without experts: the page
    links to the teams."""
    facts = TableFacts()
    found = {}
    for mode in MODES:
        context = match_context(
            request=MatchRequest(team=team.slug, mode=mode, size=size), facts=facts
        )
        found[mode] = match_rank(
            context=context, facts=facts, engine_text=engine_text(context)
        )
    return found
