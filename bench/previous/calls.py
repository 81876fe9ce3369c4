"""FROZEN COPY (before issue 12), for the benchmark only.

How well a team's open call for collaboration fits what the requester offers.

A call seeks expertise (domains, techniques), a dataset, or says so in words. The
fit is the share of what the call seeks that the requester has: its tags against
the requester's domains and techniques, its dataset against the datasets the
requester's teams were granted; a call with neither is read through its words.
"""

from collections import Counter
from dataclasses import dataclass

from bench.previous.signals import CallFacts

# Words of a call that say what it seeks; its rarer words are left out.
CALL_WORDS = 15
# Shared words that make a call without tags a full fit.
CALL_WORDS_FULL_FIT = 5


@dataclass(frozen=True)
class Offer:
    """What the requester brings: expertise, granted datasets, and its words."""

    domains: frozenset[int]
    techniques: frozenset[int]
    datasets: frozenset[int]
    words: Counter


@dataclass(frozen=True)
class CallFit:
    call: CallFacts
    fit: float  # 0–1
    domains: frozenset[int]  # sought and offered
    techniques: frozenset[int]
    dataset: bool  # the sought dataset is one the requester was granted
    words: tuple[str, ...]  # shared words, for a call read through its words


def call_fit(call: CallFacts, offer: Offer) -> CallFit:
    parts = []
    domains = call.domains & offer.domains
    techniques = call.techniques & offer.techniques
    sought = call.domains | call.techniques
    if sought:
        parts.append((len(domains) + len(techniques)) / len(sought))
    dataset = call.dataset is not None and call.dataset in offer.datasets
    if call.dataset is not None:
        parts.append(float(dataset))
    words: tuple[str, ...] = ()
    if not parts:
        top = [word for word, _count in call.words.most_common(CALL_WORDS)]
        words = tuple(word for word in top if word in offer.words)
        parts.append(min(1.0, len(words) / CALL_WORDS_FULL_FIT))
    return CallFit(
        call=call,
        fit=sum(parts) / len(parts),
        domains=domains,
        techniques=techniques,
        dataset=dataset,
        words=words,
    )


def best_call_fits(calls: list[CallFacts], offer: Offer) -> list[CallFit]:
    """The calls that fit at all, best first."""
    fits = [call_fit(call, offer) for call in calls]
    return sorted(
        (fit for fit in fits if fit.fit > 0), key=lambda f: (-f.fit, f.call.title)
    )
