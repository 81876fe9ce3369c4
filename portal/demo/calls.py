"""Demo calls for collaboration: a few fictional teams say what they seek, so that
/appels/ and the matcher's open-call signal have something to show.

What a call seeks is drawn from the taxonomies and the team's own gaps, never from the
projects' partnerships: the matching benchmark hides those links and must not find
them again through a call.
"""

import random
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from portal.core.progress import Progress
from portal.demo.fictional import TeamSpec
from projects.collaboration.models import CollaborationCall
from projects.models import Domain, Technique
from registry.models import Dataset, Team

CALL_COUNT = 12
# Set when a call is created, so the demo's calls stay open whenever it is loaded.
OPEN_FOR = timedelta(days=180)
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


def _terms(model) -> list[tuple[str, str]]:
    # Sub-terms only: a call asks for something precise.
    return list(
        model.objects.filter(parent__isnull=False)
        .order_by("slug")
        .values_list("slug", "name")
    )


def call_specs(rng: random.Random, teams: list[TeamSpec]) -> list[CallSpec]:
    domains, techniques = _terms(Domain), _terms(Technique)
    if not (domains and techniques):
        return []
    specs = []
    for team in sorted(rng.sample(teams, min(CALL_COUNT, len(teams))), key=_slug):
        domain = rng.choice([d for d in domains if d[0] not in team.domains])
        technique = rng.choice([t for t in techniques if t[0] not in team.techniques])
        kind = rng.choice(("clinical", "method", "data"))
        if kind == "clinical":
            title = f"Partenaire clinique recherché : {domain[1].lower()}"
            text = (
                f"L’équipe {team.acronym} développe des modèles d’IA et cherche un "
                f"service clinique en {domain[1].lower()} pour constituer une cohorte "
                "annotée et valider ses modèles en conditions réelles."
            )
            spec = CallSpec(_call_slug(team), team.slug, title, text, [domain[0]], [])
        elif kind == "method":
            title = f"Expertise recherchée en {technique[1].lower()}"
            text = (
                f"Pour un projet en {domain[1].lower()}, l’équipe {team.acronym} "
                f"cherche une équipe maîtrisant {technique[1].lower()}, pour co-encadrer "
                "une thèse et publier ensemble."
            )
            spec = CallSpec(
                _call_slug(team), team.slug, title, text, [domain[0]], [technique[0]]
            )
        else:
            acronym = rng.choice(DATASET_ACRONYMS)
            title = f"Équipe ayant l’expérience des données {acronym} recherchée"
            text = (
                f"L’équipe {team.acronym} prépare une demande d’accès aux données "
                f"{acronym} et cherche une équipe qui les a déjà exploitées "
                f"({domain[1].lower()})."
            )
            spec = CallSpec(
                _call_slug(team), team.slug, title, text, [domain[0]], [], acronym
            )
        specs.append(spec)
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
                    deadline=timezone.localdate() + OPEN_FOR,
                    status=CollaborationCall.Status.OPEN,
                )
                call.domains.set(Domain.objects.filter(slug__in=spec.domains))
                call.techniques.set(Technique.objects.filter(slug__in=spec.techniques))
            created += 1
        progress.step()
    progress.finish()
    return created
