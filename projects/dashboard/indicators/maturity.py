"""Maturity without assurance: advanced projects that no published evaluation covers,
and the projects not yet started, counted apart from every other indicator."""

from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import Coalesce

from projects.dashboard.filters import DashboardFilters
from projects.dashboard.indicators.base import CLINICAL_TRL, public_evaluations
from projects.institutes import LEAD_INSTITUTE_PATHS
from projects.models import Project
from projects.models.project import stage_for_trl
from registry.models import Organisation


def months_between(start, end) -> int:
    """Whole months from `start` to `end` (0 when `end` comes first)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if end.day < start.day:
        months -= 1
    return max(months, 0)


def indicator_maturity_without_assurance(*, filters: DashboardFilters) -> dict:
    """Published projects in clinical validation or deployed (TRL ≥ 5) that have no
    published INESIA evaluation, longest at their stage first.

    The time at the stage runs from `stage_reached_on` when the project records it,
    otherwise from its start date (an upper bound, said in the `basis` of each row);
    every project counted here has started, so one of the two is always known.
    """
    evaluated = Exists(
        public_evaluations(filters=filters).filter(project=OuterRef("pk"))
    )
    projects = (
        filters.projects.filter(filters.current_q(), trl__gte=CLINICAL_TRL)
        .filter(~evaluated)
        .annotate(since=Coalesce("stage_reached_on", "start_date"))
        .order_by("since", "pk")
    )
    # The lead paths ride along in the same query (one row per lead-team tutelle),
    # so the list costs two queries whatever its length.
    found: dict[int, dict] = {}
    lead: dict[int, set[int]] = {}
    for row in projects.values(
        "pk",
        "slug",
        "acronym",
        "title",
        "trl",
        "ce_class",
        "ai_act_risk",
        "stage_reached_on",
        "since",
        "lead_organisation__acronym",
        "lead_organisation__name",
        *LEAD_INSTITUTE_PATHS,
    ):
        found.setdefault(row["pk"], row)
        lead.setdefault(row["pk"], set()).update(
            row[path] for path in LEAD_INSTITUTE_PATHS if row[path]
        )
    names = {
        pk: acronym or name
        for pk, acronym, name in Organisation.objects.institutes().values_list(
            "pk", "acronym", "name"
        )
    }
    day = filters.day
    rows = []
    for row in found.values():
        since = row["since"]
        rows.append(
            {
                "key": row["slug"],
                "label": row["acronym"] or row["title"],
                "title": row["title"],
                "url": Project(slug=row["slug"]).get_absolute_url(),
                "stage": str(stage_for_trl(row["trl"]).label),
                "trl": row["trl"],
                "ce_class": str(Project.CeClass(row["ce_class"]).label),
                "ai_act_risk": str(Project.AiActRisk(row["ai_act_risk"]).label),
                "lead_institutes": sorted(
                    names[pk] for pk in lead[row["pk"]] if pk in names
                ),
                "lead_organisation": row["lead_organisation__acronym"]
                or row["lead_organisation__name"],
                "since": since.isoformat(),
                "months_at_stage": months_between(since, day),
                "basis": "stage_reached_on"
                if row["stage_reached_on"]
                else "start_date",
            }
        )
    return {"total": len(rows), "rows": rows}


def indicator_projects_not_started(*, filters: DashboardFilters) -> dict:
    """Published projects of these filters that no indicator counts: those starting
    after the day described, and those with no start date."""
    return filters.not_started.aggregate(
        future=Count("pk", filter=Q(start_date__isnull=False)),
        undated=Count("pk", filter=Q(start_date__isnull=True)),
    )
