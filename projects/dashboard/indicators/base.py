"""What several indicators share: the stage of a TRL, the public evaluations, shares
and the count of a grouped field."""

import datetime

from django.db.models import Case, CharField, Count, Value, When

from projects.dashboard.filters import DashboardFilters
from projects.models.project import STAGE_TRL_RANGES, Stage
from registry.models import Evaluation

# "Clinical validation or beyond": the lowest TRL of the clinical-validation stage.
CLINICAL_TRL = STAGE_TRL_RANGES[Stage.CLINICAL_VALIDATION][0]


def stage_case(as_of: datetime.date | None = None) -> Case:
    """A project's stage from its TRL. On a past day (`as_of`), a project that
    reached its stage after that day (`stage_reached_on`) counts in the stage before:
    the registry keeps the date of the last change of stage, not the history."""
    stages = list(STAGE_TRL_RANGES.items())
    reached_later = [
        When(
            trl__gte=low,
            trl__lte=high,
            stage_reached_on__gt=as_of,
            then=Value(before.value),
        )
        for (before, _range), (_stage, (low, high)) in zip(
            stages, stages[1:], strict=False
        )
        if as_of
    ]
    return Case(
        *reached_later,
        *[
            When(trl__gte=low, trl__lte=high, then=Value(stage.value))
            for stage, (low, high) in stages
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


def grouped_counts(*, filters: DashboardFilters, projects, group: str, choices) -> dict:
    """Projects of the period per value of a field, every choice listed."""
    counts = dict(
        projects.filter(filters.current_q())
        .order_by()
        .values(group)
        .annotate(count=Count("pk"))
        .values_list(group, "count")
    )
    rows = [
        {"key": value, "label": str(label), "value": counts.get(value, 0)}
        for value, label in choices
    ]
    return {"total": sum(row["value"] for row in rows), "rows": rows}
