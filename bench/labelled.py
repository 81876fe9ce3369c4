"""The labelled part of `make bench-matching`: hand-written needs over the demo data
(bench/data/matching_labelled.yaml), each with the teams that truly complement the
requester. Three rankers answer each need: the matcher (search/matching/), a BM25
baseline (the need's words over the same team profiles) and the previous matcher
(bench/previous/, a frozen copy of the scoring before issue 12).
"""

from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.conf import settings

from bench.previous import match as previous
from bench.previous import signals as previous_signals
from projects.models import Domain, Technique
from registry.models import Dataset, Team
from search.matching.facts import RegistryFacts
from search.matching.match import MatchRequest, match_context, match_rank
from search.matching.profiles import bm25_scores, team_profiles
from search.matching.signals import registry_load
from search.matching.store import TableFacts

LABELLED = Path(settings.BASE_DIR) / "bench" / "data" / "matching_labelled.yaml"
DEPTH = 20


@dataclass
class Need:
    id: str
    lang: str
    have: dict
    need: dict
    expected: list[str]
    same_topic: list[str] = field(default_factory=list)


def labelled_needs() -> list[Need]:
    return [Need(**row) for row in yaml.safe_load(LABELLED.read_text("utf-8"))]


def labelled_slugs(needs: list[Need]) -> set[str]:
    """Every team slug the set names (a test checks they exist after seed_demo)."""
    slugs = set()
    for need in needs:
        slugs |= set(need.expected) | set(need.same_topic)
        if need.have.get("team"):
            slugs.add(need.have["team"])
    return slugs


@dataclass
class Scores:
    """Per-need recall at 5 and 10, reciprocal rank, and twin-beats-answer."""

    name: str
    recall5: list[float] = field(default_factory=list)
    recall10: list[float] = field(default_factory=list)
    reciprocal: list[float] = field(default_factory=list)
    twin_first: list[bool] = field(default_factory=list)
    same_as_in_memory: int = 0

    def add(self, ranked: list[str], need: Need) -> None:
        expected = set(need.expected)
        self.recall5.append(len(expected & set(ranked[:5])) / len(expected))
        self.recall10.append(len(expected & set(ranked[:10])) / len(expected))
        first = next((i for i, s in enumerate(ranked) if s in expected), None)
        self.reciprocal.append(1 / (first + 1) if first is not None else 0.0)
        twin = next((i for i, s in enumerate(ranked) if s in need.same_topic), None)
        self.twin_first.append(twin is not None and (first is None or twin < first))

    @staticmethod
    def mean(values) -> float:
        return sum(values) / len(values) if values else 0.0

    def row(self) -> str:
        return (
            f"| {self.name} | {self.mean(self.recall5):.3f} "
            f"| {self.mean(self.recall10):.3f} | {self.mean(self.reciprocal):.3f} "
            f"| {sum(self.twin_first)}/{len(self.twin_first)} |"
        )


def _request(need: Need) -> MatchRequest:
    have, wanted = need.have, need.need
    return MatchRequest(
        text=wanted.get("text", ""),
        domains=wanted.get("domains", []),
        techniques=wanted.get("techniques", []),
        datasets=wanted.get("datasets", []),
        team=have.get("team", ""),
        have_text=have.get("text", ""),
        have_domains=have.get("domains", []),
        have_techniques=have.get("techniques", []),
        size=DEPTH,
    )


def _previous_request(need: Need) -> previous.MatchRequest:
    wanted = need.need
    dataset = (wanted.get("datasets") or [None])[0]
    return previous.MatchRequest(
        text=wanted.get("text", ""),
        domains=list(
            Domain.objects.filter(slug__in=wanted.get("domains", [])).values_list(
                "pk", flat=True
            )
        ),
        techniques=list(
            Technique.objects.filter(slug__in=wanted.get("techniques", [])).values_list(
                "pk", flat=True
            )
        ),
        dataset=Dataset.objects.get(slug=dataset).pk if dataset else None,
        team=need.have.get("team", ""),
        size=DEPTH,
    )


def labelled_run(
    *, weights: dict[str, float] | None = None, with_others: bool = True
) -> list[Scores]:
    """The three rankers over every labelled need (the matcher alone if not
    `with_others`). The matcher reads the matching tables, as a request does; its
    in-memory twin (the registry read whole, as before issue 15) must rank alike,
    and `same_as_in_memory` counts the needs where it does."""
    needs = labelled_needs()
    registry = registry_load()
    profiles = team_profiles(registry)
    memory = RegistryFacts(registry, profiles)
    tables = TableFacts()
    slugs = dict(Team.objects.values_list("pk", "slug"))
    matcher, baseline = Scores("matcher"), Scores("BM25 baseline")
    for need in needs:
        context = match_context(request=_request(need), facts=tables)
        ranked = match_rank(context=context, facts=tables, weights=weights)
        matcher.add([m.slug for m in ranked], need)
        twin_context = match_context(request=_request(need), facts=memory)
        twin = match_rank(context=twin_context, facts=memory, weights=weights)
        matcher.same_as_in_memory += [m.slug for m in twin] == [m.slug for m in ranked]
        text = bm25_scores(context.need_words, profiles)
        candidates = [pk for pk in text if pk not in context.requester_teams]
        candidates.sort(key=lambda pk: (-text[pk], profiles[pk].name))
        baseline.add([slugs[pk] for pk in candidates], need)
    if not with_others:
        return [matcher]
    old = Scores("previous matcher")
    old_registry = previous_signals.registry_load()
    old_profiles = previous_signals.team_profiles(old_registry)
    for need in needs:
        context = previous.match_context(
            request=_previous_request(need), registry=old_registry
        )
        ranked = previous.match_rank(
            context=context, registry=old_registry, profiles=old_profiles
        )
        old.add([m.slug for m in ranked], need)
    return [baseline, old, matcher]


def labelled_table(scores: list[Scores]) -> str:
    return "\n".join(
        [
            "| ranker | recall@5 | recall@10 | MRR | a twin ranks above every answer |",
            "|---|---|---|---|---|",
            *[s.row() for s in scores],
        ]
    )
