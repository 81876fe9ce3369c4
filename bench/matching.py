"""The team-matching benchmark of `make bench-matching`: hide a partner, find it again.

For every published project with two or more partner teams, each partner team in
turn is hidden: the (project, team) link is removed from the facts before anything
is computed, so it feeds no signal (text, facets, datasets, network). The matcher
then ranks complementary teams for the project and we note the hidden team's rank;
the baseline ranks the same candidates by BM25 of the project text over the same
team profiles. Weights are tuned on one half of the projects and reported on the
other (held out); a project's half follows from its slug (`project_half`), so the
split is the same on every database. Signals are computed from the database, not
the live index, which still holds the hidden link.
"""

import dataclasses
import gc
import itertools
import statistics
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.test.utils import override_settings
from django.utils import timezone

from bench import matching_before as before
from projects.models import Project, ProjectPartner
from search.matching.facts import RegistryFacts
from search.matching.match import (
    MatchRequest,
    match_context,
    match_rank,
    team_match_list,
)
from search.matching.profiles import bm25_scores, team_profiles
from search.matching.signals import Registry, registry_load

CUTOFFS = (5, 10)


@dataclass
class Case:
    project_pk: int
    slug: str
    hidden_team: int


@dataclass
class Metrics:
    name: str
    ranks: list[int | None]

    def recall(self, k: int) -> float:
        found = [rank for rank in self.ranks if rank is not None and rank <= k]
        return len(found) / len(self.ranks) if self.ranks else 0.0

    @property
    def mrr(self) -> float:
        if not self.ranks:
            return 0.0
        return sum(1 / rank for rank in self.ranks if rank) / len(self.ranks)


def bench_cases(registry: Registry) -> list[Case]:
    """One case per (project, partner team) of projects with 2+ partner teams."""
    partners: dict[int, set[int]] = {}
    rows = ProjectPartner.objects.filter(
        team__isnull=False, project_id__in=list(registry.projects)
    ).values_list("project_id", "team_id", "project__lead_team_id", "project__slug")
    slugs = {}
    for project_pk, team_pk, lead_pk, slug in rows:
        slugs[project_pk] = slug
        if team_pk != lead_pk:
            partners.setdefault(project_pk, set()).add(team_pk)
    return [
        Case(project_pk=pk, slug=slugs[pk], hidden_team=team)
        for pk, teams in sorted(partners.items())
        if len(teams) >= 2
        for team in sorted(teams)
    ]


def project_half(slug: str) -> str:
    """ "tune" or "report": a fixed hash of the slug (not the id, which depends on
    the order rows were written)."""
    return "tune" if zlib.crc32(slug.encode()) % 2 == 0 else "report"


def registry_without(registry: Registry, *, project_pk: int, team_pk: int) -> Registry:
    """The registry as if the team had never been part of the project."""
    projects = dict(registry.projects)
    facts = projects[project_pk]
    projects[project_pk] = dataclasses.replace(facts, teams=facts.teams - {team_pk})
    return dataclasses.replace(registry, projects=projects)


def rank_of(team_pk: int, ranked: list[int]) -> int | None:
    return ranked.index(team_pk) + 1 if team_pk in ranked else None


def bench_prepare(registry: Registry, cases: list[Case]) -> list[tuple]:
    """Each case's context and profiles, built once: the weights can then be tried
    many times over them."""
    prepared = []
    for case in cases:
        hidden = registry_without(
            registry, project_pk=case.project_pk, team_pk=case.hidden_team
        )
        facts = RegistryFacts(hidden, team_profiles(hidden))
        context = match_context(
            request=MatchRequest(project=case.slug, size=50), facts=facts
        )
        assert case.hidden_team not in context.requester_teams
        prepared.append((case, hidden, facts, context))
    return prepared


def bench_score(
    prepared: list[tuple], *, weights: dict[str, float] | None = None
) -> tuple[Metrics, Metrics]:
    """The matcher's and the baseline's rank of each hidden team."""
    matcher, baseline = Metrics("matcher", []), Metrics("BM25 baseline", [])
    for case, hidden, facts, context in prepared:
        ranked = match_rank(context=context, facts=facts, weights=weights)
        matcher.ranks.append(rank_of(case.hidden_team, [m.pk for m in ranked]))
        profiles = facts.profiles
        text = bm25_scores(hidden.projects[case.project_pk].words, profiles)
        candidates = [pk for pk in text if pk not in context.requester_teams]
        candidates.sort(key=lambda pk: (-text[pk], profiles[pk].name))
        baseline.ranks.append(rank_of(case.hidden_team, candidates))
    return matcher, baseline


def uncapped_score(prepared: list[tuple], *, weights=None) -> Metrics:
    """Today's scoring under the diversity rule before it was capped."""
    metrics = Metrics("matcher, uncapped diversity rule", [])
    for case, _hidden, facts, context in prepared:
        ranked = before.uncapped_ranked(context, facts, weights=weights, size=50)
        metrics.ranks.append(rank_of(case.hidden_team, ranked))
    return metrics


def previous_score(cases: list[Case]) -> Metrics:
    """The previous matcher (before issue 12, its own weights) on the same cases."""
    registry = before.previous_registry()
    metrics = Metrics("previous matcher", [])
    for case in cases:
        ranked = before.previous_ranked(
            registry,
            project_pk=case.project_pk,
            slug=case.slug,
            hidden_team=case.hidden_team,
        )
        metrics.ranks.append(rank_of(case.hidden_team, ranked))
    return metrics


# The weights tried on the tuning half: each varies around settings.MATCHING_WEIGHTS.
# Recency (0.3) and need 1.0 were never chosen: left out to try the consortium's
# signals (cross_institute, lead_collaborator) within the same time. Redundancy
# stays at the settings' value: it is the have/need rule, not a preference (tuned
# to 0 on the tuning half, the labelled set's recall@5 fell to 0.65).
GRID = {
    "need": (2.0, 3.0),
    "text": (1.5, 3.0),
    "network": (0.5, 1.5),
    "cross_institute": (0.2, 1.5),
    "lead_collaborator": (0.3, 1.0),
}


def weights_tune(
    prepared: list[tuple], *, score: Callable[..., Metrics] | None = None
) -> dict[str, float]:
    """The grid's best weights by recall@10 then MRR on these cases (of the
    matcher, or of `score`)."""
    score = score or (lambda cases, weights: bench_score(cases, weights=weights)[0])
    best, best_key = dict(settings.MATCHING_WEIGHTS), (-1.0, -1.0)
    for values in itertools.product(*GRID.values()):
        weights = {**settings.MATCHING_WEIGHTS, **dict(zip(GRID, values, strict=True))}
        matcher = score(prepared, weights)
        key = (matcher.recall(10), matcher.mrr)
        if key > best_key:
            best, best_key = weights, key
    return best


def bench_run() -> dict:
    """Hide-one-partner on two halves of the projects (`project_half`): weights
    tuned on the tuning half, reported on both, the report half being held out;
    and the settings' weights on each half and on all cases. Beside them, the
    earlier matchers on each half: the previous one, and today's scoring under
    the uncapped diversity rule, tuned the same way."""
    registry = registry_load()
    cases = bench_cases(registry)
    tune_cases = [c for c in cases if project_half(c.slug) == "tune"]
    report_cases = [c for c in cases if project_half(c.slug) == "report"]
    tune = bench_prepare(registry, tune_cases)
    held_out = bench_prepare(registry, report_cases)
    tuned = weights_tune(tune)
    uncapped = lambda prepared, weights: uncapped_score(  # noqa: E731
        prepared, weights=weights
    )
    tuned_uncapped = weights_tune(tune, score=uncapped)
    return {
        "tuned_uncapped": tuned_uncapped,
        "earlier": {
            "report": [
                previous_score(report_cases),
                uncapped(held_out, tuned_uncapped),
            ],
            "tune": [previous_score(tune_cases), uncapped(tune, tuned_uncapped)],
        },
        "cases": cases,
        "tune_cases": len(tune),
        "held_out_cases": len(held_out),
        "tuned": tuned,
        "held_out": bench_score(held_out, weights=tuned),
        "tune": bench_score(tune, weights=tuned),
        "held_out_settings": bench_score(held_out),
        "tune_settings": bench_score(tune),
        "all": bench_score(tune + held_out),
    }


def _project_slugs(count: int) -> list[str]:
    """Public projects with partners, the same ones on every run."""
    return list(
        ProjectPartner.objects.filter(project__in=Project.objects.public())
        .values_list("project__slug", flat=True)
        .distinct()
        .order_by("project__slug")[:count]
    )


def _percentiles(timings: list[float], cpu: list[float] = ()) -> dict[str, float]:
    timings, cpu = sorted(timings), sorted(cpu)
    return {
        "requests": len(timings),
        "p50": statistics.median(timings) if timings else 0.0,
        "p95": timings[int(0.95 * (len(timings) - 1))] if timings else 0.0,
        "cpu_p50": statistics.median(cpu) if cpu else 0.0,
    }


def process_rss_mb() -> dict[str, float]:
    """This process's resident memory now (VmRSS) and at its peak (VmHWM), in MB."""
    found = {}
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            name, _colon, value = line.partition(":")
            if name in ("VmRSS", "VmHWM"):
                found[name] = int(value.split()[0]) / 1024
    return found


def _timed(function) -> tuple[float, float]:
    """Wall and CPU time of this process, in ms."""
    wall, cpu = time.perf_counter(), time.process_time()
    function()
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


def _mark(slug: str) -> None:
    """The mark a save of the project writes (search/matching/refresh.py)."""
    from search.matching.models import MatchingDirty

    MatchingDirty.objects.update_or_create(
        kind="p",
        object_id=Project.objects.get(slug=slug).pk,
        defaults={"changed_at": timezone.now()},
    )


def latency_run(*, requests: int = 60) -> dict[str, float]:
    """Wall-clock p50/p95 of `team_match_list` (the service the page and the API
    call) in ms, and this process's CPU time (p50: the rest is waiting for the
    database and for the cores). `cold`: the first request after a change to a
    project, once the worker applied its mark (`worker`: what applying it took);
    `cold_self`: the same where no worker runs and the request applies the mark
    itself; `first`: the first request of this process. Medians of 5 changes."""
    from search.matching.tasks import matching_tables_refresh_task

    slugs = _project_slugs(requests)
    request = lambda slug: lambda: team_match_list(  # noqa: E731
        request=MatchRequest(project=slug)
    )
    with override_settings(MATCHING_REQUEST_APPLIES_MARKS=False):
        first, _cpu = _timed(request(slugs[-1]))
        # As portal/wsgi.py after start-up: what is built so far is never collected.
        gc.collect()
        gc.freeze()
        colds, workers = [], []
        for slug in slugs[:5]:
            _mark(slug)
            workers.append(_timed(matching_tables_refresh_task)[0])
            colds.append(_timed(request(slug))[0])
        timings, cpu = [], []
        for slug in slugs:
            wall, used = _timed(request(slug))
            timings.append(wall)
            cpu.append(used)
    with override_settings(MATCHING_REQUEST_APPLIES_MARKS=True):
        colds_self = []
        for slug in slugs[5:10]:
            _mark(slug)
            colds_self.append(_timed(request(slug))[0])
    return {
        **_percentiles(timings, cpu),
        "first": first,
        "cold": statistics.median(colds),
        "cold_self": statistics.median(colds_self),
        "worker": statistics.median(workers),
    }


def api_latency_run(*, requests: int = 60) -> dict[str, float]:
    """p50/p95 of POST /api/v1/match/teams/ in-process (Django's test client: the
    view, serializer, service and JSON, without the network), half from a project,
    half from a written need."""
    from django.test import Client

    from bench.labelled import labelled_needs

    client = Client()
    bodies = [{"project": slug} for slug in _project_slugs(requests // 2)]
    bodies += [
        {"text": need.need.get("text", "")}
        for need in labelled_needs()[: requests - len(bodies)]
    ]
    timings = []
    for body in bodies:
        started = time.perf_counter()
        response = client.post(
            "/api/v1/match/teams/", body, content_type="application/json"
        )
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.content[:200]
    return {**_percentiles(timings), "cold": 0.0}


def gain(new: float, old: float) -> str:
    if not old:
        return "n/a"
    return f"{(new - old) / old * 100:+.0f} %"


def results_table(matcher: Metrics, baseline: Metrics, *earlier: Metrics) -> str:
    """The baseline, earlier matchers, the matcher, and its gain over the
    baseline."""
    lines = [
        "| ranker | recall@5 | recall@10 | MRR |",
        "|---|---|---|---|",
    ]
    for metrics in (baseline, *earlier, matcher):
        lines.append(
            f"| {metrics.name} | {metrics.recall(5):.3f} | {metrics.recall(10):.3f} "
            f"| {metrics.mrr:.3f} |"
        )
    lines.append(
        f"| relative gain of the matcher over BM25 | {gain(matcher.recall(5), baseline.recall(5))} "
        f"| {gain(matcher.recall(10), baseline.recall(10))} "
        f"| {gain(matcher.mrr, baseline.mrr)} |"
    )
    return "\n".join(lines)


def beats_baseline(matcher: Metrics, baseline: Metrics) -> bool:
    """At least as good as the baseline on recall@5, recall@10 and MRR."""
    return (
        matcher.recall(5) >= baseline.recall(5)
        and matcher.recall(10) >= baseline.recall(10)
        and matcher.mrr >= baseline.mrr
    )


def weights_line(weights: dict | None = None) -> str:
    weights = weights or settings.MATCHING_WEIGHTS
    return ", ".join(f"{k}={v}" for k, v in weights.items())


Report = Callable[[str], None]
