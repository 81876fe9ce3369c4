"""INESIA evaluation: coverage of advanced projects, verdicts, delay to verdict."""

import statistics
from collections import Counter

from django.db.models import Count, Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from projects.dashboard.filters import DashboardFilters
from projects.dashboard.indicators.base import (
    CLINICAL_TRL,
    public_evaluations,
    share,
    stage_case,
)
from projects.models.project import STAGE_TRL_RANGES, Stage
from registry.models import Evaluation

# Request-to-verdict delays are shown in these bands (upper bound in days, key, label);
# the keys stay the same in every language, the labels are translated.
DELAY_BANDS = [
    (90, "0-3", _("≤ 3 mois")),
    (180, "3-6", _("3 à 6 mois")),
    (365, "6-12", _("6 à 12 mois")),
    (None, "12+", _("> 12 mois")),
]


def indicator_evaluation_coverage(*, filters: DashboardFilters) -> dict:
    """Share of projects at clinical validation or beyond with a published evaluation."""
    evaluations = public_evaluations(filters=filters)
    found = {
        row["stage"]: row
        for row in filters.projects.filter(filters.current_q(), trl__gte=CLINICAL_TRL)
        .annotate(
            stage=stage_case(),
            has_evaluation=Exists(evaluations.filter(project=OuterRef("pk"))),
        )
        .order_by()
        .values("stage")
        .annotate(
            total=Count("pk"), evaluated=Count("pk", filter=Q(has_evaluation=True))
        )
    }
    rows = []
    for stage, label in Stage.choices:
        if STAGE_TRL_RANGES[Stage(stage)][1] < CLINICAL_TRL:
            continue
        row = found.get(stage, {"total": 0, "evaluated": 0})
        rows.append(
            {
                "key": stage,
                "label": str(label),
                "total": row["total"],
                "value": row["evaluated"],
                "not_evaluated": row["total"] - row["evaluated"],
                "share": share(row["evaluated"], row["total"]),
            }
        )
    total = sum(row["total"] for row in rows)
    evaluated = sum(row["value"] for row in rows)
    return {
        "total": total,
        "evaluated": evaluated,
        "share": share(evaluated, total),
        "rows": rows,
    }


def indicator_evaluation_verdicts(*, filters: DashboardFilters) -> dict:
    """Verdicts of published evaluations, and the delay from request to verdict."""
    evaluations = public_evaluations(filters=filters).filter(
        project__in=filters.projects.filter(filters.current_q()).values("pk")
    )
    counts = dict(
        evaluations.order_by()
        .values("verdict")
        .annotate(count=Count("pk"))
        .values_list("verdict", "count")
    )
    total = sum(counts.values())
    verdicts = [
        {
            "key": verdict,
            "label": str(label),
            "value": counts.get(verdict, 0),
            "share": share(counts.get(verdict, 0), total),
        }
        for verdict, label in Evaluation.Verdict.choices
    ]
    # The verdict date comes from the evaluation workflow (`with_days_to_verdict`:
    # completion, else publication). The median is taken in Python: the portable
    # alternative to PostgreSQL's percentile_cont, over one row per evaluation.
    delays = [
        (verdict_on - requested_on).days
        for requested_on, verdict_on in evaluations.with_days_to_verdict().values_list(
            "requested_on", "verdict_on"
        )
        if verdict_on and verdict_on >= requested_on
    ]
    bands = Counter(
        next(
            key for limit, key, _label in DELAY_BANDS if limit is None or days <= limit
        )
        for days in delays
    )
    return {
        "total": total,
        "rows": verdicts,
        "median_days": round(statistics.median(delays)) if delays else None,
        "delays_counted": len(delays),
        "delay_bands": [
            {"key": key, "label": str(label), "value": bands[key]}
            for _limit, key, label in DELAY_BANDS
        ],
    }
