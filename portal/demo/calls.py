"""Demo calls for collaboration: a few fictional teams say what they seek, so that
/appels/ and the matcher's open-call signal have something to show.

What a call seeks is drawn from the team's own field (its domains) and gaps (a
technique it lacks, a clinical partner, experience of a dataset), never from the
projects' partnerships: the matching benchmark hides those links and must not find
them again through a call.
"""

import random
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from portal.core.progress import Progress
from portal.demo import call_texts
from portal.demo.fictional import TeamSpec
from projects.collaboration.models import CollaborationCall
from projects.models import Domain, Technique
from registry.models import Dataset, Team

CALL_COUNT = 12
# Days a call stays open from the day it is created (so the demo's calls stay open
# whenever it is loaded): each its own, from three weeks to about eleven months.
OPEN_DAYS = range(21, 330, 6)
# Datasets a call may ask experience of, by acronym (as portal/demo/datasets.py loads them).
DATASET_ACRONYMS = ("SNDS", "CépiDc", "Constances")


@dataclass
class CallSpec:
    slug: str
    team: str
    title: str
    text: str
    domains: list[str]
    techniques: list[str]
    dataset: str = ""
    open_days: int = 180


def _terms(model) -> list[tuple[str, str, str]]:
    """(slug, name, parent slug) of every term, parents with themselves as parent."""
    return [
        (slug, name, parent or slug)
        for slug, name, parent in model.objects.order_by("slug").values_list(
            "slug", "name", "parent__slug"
        )
    ]


def _within(terms, parents: list[str]) -> list[tuple[str, str, str]]:
    # A sub-term when there is one: a call asks for something precise.
    found = [t for t in terms if t[2] in parents and t[0] != t[2]]
    return found or [t for t in terms if t[0] in parents]


def call_specs(rng: random.Random, teams: list[TeamSpec]) -> list[CallSpec]:
    domains, techniques = _terms(Domain), _terms(Technique)
    if not (domains and techniques):
        return []
    chosen = sorted(rng.sample(teams, min(CALL_COUNT, len(teams))), key=_slug)
    days = rng.sample(OPEN_DAYS, len(chosen))
    # Each call opens, asks and offers in its own words (no two share a sentence).
    openings = rng.sample(call_texts.OPENINGS, len(chosen))
    offers = rng.sample(call_texts.OFFERS, len(chosen))
    asks = {
        kind: rng.sample(found, len(found)) for kind, found in call_texts.ASKS.items()
    }
    specs = []
    for index, team in enumerate(chosen):
        # The team's own field, and a technique it lacks (never one of its family).
        domain = rng.choice(_within(domains, team.domains))
        technique = rng.choice(
            [t for t in techniques if t[2] not in team.techniques and t[0] != t[2]]
            or [t for t in techniques if t[2] not in team.techniques]
        )
        kind = ("clinical", "method", "data")[index % 3]
        acronym = rng.choice(DATASET_ACRONYMS) if kind == "data" else ""
        words = {
            "team": team.acronym,
            "city": team.city,
            "specialty": team.specialty.lower(),
            "domain": domain[1].lower(),
            "technique": technique[1].lower(),
            "dataset": acronym,
        }
        title, ask = asks[kind].pop()
        text = " ".join([openings[index], ask, offers[index]]).format(**words)
        specs.append(
            CallSpec(
                slug=_call_slug(team),
                team=team.slug,
                title=title.format(**words),
                text=text,
                domains=[domain[0]],
                techniques=[technique[0]] if kind == "method" else [],
                dataset=acronym,
                open_days=days[index],
            )
        )
    return specs


def _slug(team: TeamSpec) -> str:
    return team.slug


def _call_slug(team: TeamSpec) -> str:
    return f"demo-appel-{team.acronym.lower()}"


def load_calls(*, specs: list[CallSpec], progress: Progress) -> int:
    """Create the calls not yet in the database; returns how many were created."""
    existing = set(
        CollaborationCall.objects.filter(slug__in=[s.slug for s in specs]).values_list(
            "slug", flat=True
        )
    )
    teams = {t.slug: t for t in Team.objects.filter(slug__in=[s.team for s in specs])}
    datasets = {
        d.acronym: d for d in Dataset.objects.filter(acronym__in=DATASET_ACRONYMS)
    }
    created = 0
    progress.start(len(specs))
    for spec in specs:
        if spec.slug not in existing and spec.team in teams:
            with transaction.atomic():
                call = CollaborationCall.objects.create(
                    slug=spec.slug,
                    title=spec.title,
                    text=spec.text,
                    team=teams[spec.team],
                    dataset=datasets.get(spec.dataset),
                    deadline=timezone.localdate() + timedelta(days=spec.open_days),
                    status=CollaborationCall.Status.OPEN,
                )
                call.domains.set(Domain.objects.filter(slug__in=spec.domains))
                call.techniques.set(Technique.objects.filter(slug__in=spec.techniques))
            created += 1
        progress.step()
    progress.finish()
    return created
