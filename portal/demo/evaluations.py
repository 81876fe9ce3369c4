"""Fictional INESIA evaluations, in every status, with dates in order and scores.

INESIA was created in February 2025, so no evaluation is requested before March 2025.
"""

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import transaction

from portal.core.progress import Progress
from portal.demo import texts
from portal.demo.project_specs import TODAY, ProjectSpec
from projects.evaluations.transitions import evaluation_history_from_dates
from projects.models import Project
from registry.models import (
    Evaluation,
    EvaluationCriterion,
    EvaluationScore,
    Organisation,
)

PER_STATUS = 32
# Request-to-verdict delays as real reviews spread: most within six months, some
# (a dossier to complete, a second round) beyond a year. (weight, fewest, most days)
DELAY_MIX = [(20, 45, 90), (40, 91, 180), (30, 181, 365), (10, 366, 450)]
PUBLICATION_LAG = (15, 60)
# Status → window of request dates; the latest request is pulled earlier when needed
# so that every later step still falls before project_specs.TODAY.
REQUEST_WINDOWS = {
    "published": (date(2025, 3, 1), date(2026, 1, 15)),
    "completed": (date(2025, 6, 1), date(2026, 4, 1)),
    "in_progress": (date(2026, 1, 1), date(2026, 9, 1)),
    "requested": (date(2026, 6, 1), date(2026, 10, 25)),
}


@dataclass
class EvaluationSpec:
    reference: str
    project: str
    model_version: str
    status: str
    requested: date
    started: date | None = None
    completed: date | None = None
    published: date | None = None
    verdict: str = ""
    summary: str = ""
    report_url: str = ""
    scores: dict[str, int] = field(default_factory=dict)


def _day(rng: random.Random, low: date, high: date) -> date:
    return low + timedelta(days=rng.randint(0, (high - low).days))


def _delay(rng: random.Random) -> int:
    """Days from request to verdict, drawn from the bands of DELAY_MIX."""
    _weight, fewest, most = rng.choices(DELAY_MIX, [band[0] for band in DELAY_MIX])[0]
    return rng.randint(fewest, most)


def _verdict(scores: dict[str, int]) -> str:
    mean, worst = sum(scores.values()) / len(scores), min(scores.values())
    if mean < 60 or worst < 40:
        return "unfavourable"
    return "reserved" if mean < 75 or worst < 60 else "favourable"


def evaluation_specs(
    rng: random.Random, projects: list[ProjectSpec], criteria: dict[str, str]
) -> list[EvaluationSpec]:
    """PER_STATUS evaluations in each status, mostly of published, mature projects."""
    published = [p for p in projects if p.published and p.trl >= 3]
    drafts = [p for p in projects if not p.published]
    specs, versions = [], {}
    for status, (low, high) in REQUEST_WINDOWS.items():
        for index in range(PER_STATUS):
            pool = (
                drafts if status == "requested" and index < 3 and drafts else published
            )
            project = rng.choice(pool)
            versions[project.slug] = versions.get(project.slug, 0) + 1
            minor, patch = rng.randint(0, 4), rng.randint(0, 9)
            finished = status in ("completed", "published")
            delay = _delay(rng) if finished else 0
            latest = TODAY - timedelta(days=delay + PUBLICATION_LAG[1] + 1)
            spec = EvaluationSpec(
                reference="",
                project=project.slug,
                status=status,
                model_version=f"v{versions[project.slug]}.{minor}.{patch}",
                requested=_day(rng, low, max(low, min(high, latest))),
            )
            if status != "requested":
                spec.started = spec.requested + timedelta(
                    days=rng.randint(10, min(45, delay // 3) if finished else 45)
                )
            if finished:
                spec.completed = spec.requested + timedelta(days=delay)
                quality = rng.randint(50, 92)
                spec.scores = {
                    code: max(20, min(100, round(rng.gauss(quality, 9))))
                    for code in criteria
                }
                spec.verdict = _verdict(spec.scores)
                best = max(spec.scores, key=spec.scores.get)
                worst = min(spec.scores, key=spec.scores.get)
                spec.summary = texts.EVALUATION_SUMMARIES[spec.verdict].format(
                    best=criteria[best], worst=criteria[worst]
                )
            else:
                spec.summary = (
                    f"Évaluation de la version {spec.model_version} demandée "
                    "par l’équipe porteuse ; périmètre : "
                    + ", ".join(name.lower() for name in criteria.values())
                    + "."
                )
            if status == "published":
                spec.published = spec.completed + timedelta(
                    days=rng.randint(*PUBLICATION_LAG)
                )
            specs.append(spec)
    # References follow the order of requests, numbered within each year.
    counters: dict[int, int] = {}
    for spec in sorted(specs, key=lambda s: (s.requested, s.project, s.model_version)):
        counters[spec.requested.year] = counters.get(spec.requested.year, 0) + 1
        spec.reference = (
            f"inesia-{spec.requested.year}-{counters[spec.requested.year]:04d}"
        )
        if spec.status == "published":
            # A fictional report: example.org, never a real address.
            spec.report_url = (
                f"https://example.org/inesia/rapports/{spec.reference}.pdf"
            )
    return specs


def load_evaluations(*, specs: list[EvaluationSpec], progress: Progress) -> int:
    """Create the evaluations not yet in the database; returns how many were created."""
    existing = set(Evaluation.objects.values_list("reference", flat=True))
    inesia = Organisation.objects.get(acronym="INESIA")
    projects = {p.slug: p for p in Project.objects.filter(is_fictional=True)}
    criteria = {c.code: c for c in EvaluationCriterion.objects.all()}
    created = 0
    progress.start(len(specs))
    for spec in specs:
        if spec.reference not in existing:
            with transaction.atomic():
                evaluation = Evaluation(
                    reference=spec.reference,
                    project=projects[spec.project],
                    model_version=spec.model_version,
                    evaluator=inesia,
                    status=spec.status,
                    requested_on=spec.requested,
                    started_on=spec.started,
                    completed_on=spec.completed,
                    published_on=spec.published,
                    verdict=spec.verdict,
                    summary=spec.summary,
                    report_url=spec.report_url,
                    is_fictional=True,
                )
                evaluation.full_clean()
                evaluation.save()
                EvaluationScore.objects.bulk_create(
                    EvaluationScore(
                        evaluation=evaluation, criterion=criteria[code], score=score
                    )
                    for code, score in spec.scores.items()
                )
                # Dated steps of the evaluation workflow (issue 6, evaluations).
                evaluation_history_from_dates(evaluation=evaluation)
            created += 1
        progress.step()
    progress.finish()
    return created
