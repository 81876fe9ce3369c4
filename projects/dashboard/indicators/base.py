"""What several indicators share: the stage of a TRL, the public evaluations, shares
and the "now and before" count of a grouped field."""

from django.db.models import Case, CharField, Count, Value, When

from projects.dashboard.filters import DashboardFilters
from projects.models.project import STAGE_TRL_RANGES, Stage
from registry.models import Evaluation

# "Clinical validation or beyond": the lowest TRL of the clinical-validation stage.
CLINICAL_TRL = STAGE_TRL_RANGES[Stage.CLINICAL_VALIDATION][0]


def stage_case() -> Case:
    return Case(
        *[
            When(trl__gte=low, trl__lte=high, then=Value(stage.value))
            for stage, (low, high) in STAGE_TRL_RANGES.items()
        ],
        output_field=CharField(),
    )


def public_evaluations(*, filters: DashboardFilters):
    evaluations = Evaluation.objects.public()
    if filters.as_of:
        evaluations = evaluations.filter(published_on__lte=filters.as_of)
    return evaluations


def share(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def grouped_with_change(
    *, filters: DashboardFilters, projects, group: str, choices
) -> dict:
    current, previous = filters.current_q(), filters.previous_q()
    counts = {
        row[group]: row
        for row in projects.order_by()
        .values(group)
        .annotate(
            current=Count("pk", filter=current), previous=Count("pk", filter=previous)
        )
    }
    rows = []
    for value, label in choices:
        row = counts.get(value, {"current": 0, "previous": 0})
        rows.append(
            {
                "key": value,
                "label": str(label),
                "value": row["current"],
                "previous": row["previous"],
                "change": row["current"] - row["previous"],
            }
        )
    return {
        "total": sum(row["value"] for row in rows),
        "previous_label": str(filters.previous_label),
        "rows": rows,
    }
