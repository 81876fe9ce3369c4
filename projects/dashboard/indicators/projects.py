"""Projects: by institute, by start year, by status, by stage, domain × technique."""

from django.db.models import Count
from django.db.models.functions import Coalesce, ExtractYear

from projects.dashboard.filters import DashboardFilters
from projects.dashboard.indicators.base import grouped_counts, stage_case
from projects.institutes import project_institute_q, project_lead_institute_q
from projects.models import Domain, Project, Technique
from projects.models.project import STAGE_TRL_RANGES, Stage
from registry.models import Organisation


def indicator_projects_by_institute(*, filters: DashboardFilters) -> dict:
    """Projects each institute takes part in (lead or partner), and those it leads.

    Both follow the one rule of `projects.institutes`: participation is what the
    `/projets/?institute=` filter and the search facets count, lead is what the home
    page counts. A project counts for every institute involved.
    """
    institutes = list(Organisation.objects.institutes().order_by("name"))
    current = filters.current_q()
    aggregates = {"total": Count("pk", distinct=True, filter=current)}
    for institute in institutes:
        aggregates[f"part_{institute.pk}"] = Count(
            "pk", distinct=True, filter=current & project_institute_q([institute.pk])
        )
        aggregates[f"lead_{institute.pk}"] = Count(
            "pk",
            distinct=True,
            filter=current & project_lead_institute_q([institute.pk]),
        )
    counts = filters.projects.aggregate(**aggregates)
    rows = [
        {
            "key": institute.slug,
            "label": institute.short_name,
            "url": institute.get_absolute_url(),
            "value": counts[f"part_{institute.pk}"],
            "lead": counts[f"lead_{institute.pk}"],
        }
        for institute in institutes
    ]
    return {"total": counts["total"], "rows": rows}


def indicator_projects_by_year(*, filters: DashboardFilters) -> dict:
    """Projects by year of start, each year compared with the year before."""
    by_year = dict(
        filters.projects.filter(start_date__isnull=False)
        .annotate(year=ExtractYear("start_date"))
        .order_by()
        .values("year")
        .annotate(count=Count("pk"))
        .values_list("year", "count")
    )
    if not by_year:
        return {"rows": [], "undated": 0}
    first = filters.year_from or min(by_year)
    last = filters.year_to or max(by_year)
    rows = [
        {
            "key": str(year),
            "label": str(year),
            "value": by_year.get(year, 0),
            "previous": by_year.get(year - 1, 0),
            "change": by_year.get(year, 0) - by_year.get(year - 1, 0),
        }
        for year in range(first, last + 1)
    ]
    return {"rows": rows}


def indicator_projects_by_status(*, filters: DashboardFilters) -> dict:
    """Projects by status (planned, active, completed, stopped)."""
    return grouped_counts(
        filters=filters,
        projects=filters.projects,
        group="status",
        choices=Project.Status.choices,
    )


def indicator_projects_by_stage(*, filters: DashboardFilters) -> dict:
    """Projects by stage, the TRL bands of `STAGE_TRL_RANGES` (on a past day, as
    the stage dates give it)."""
    data = grouped_counts(
        filters=filters,
        projects=filters.projects.annotate(stage=stage_case(filters.as_of)),
        group="stage",
        choices=Stage.choices,
    )
    for row in data["rows"]:
        low, high = STAGE_TRL_RANGES[Stage(row["key"])]
        row["trl"] = f"{low}–{high}"
    return data


def indicator_domain_technique_matrix(*, filters: DashboardFilters) -> dict:
    """Projects per medical domain × AI technique, both by top-level heading."""
    domains = list(Domain.objects.filter(parent__isnull=True).order_by("position"))
    techniques = list(
        Technique.objects.filter(parent__isnull=True).order_by("position")
    )
    cells = {
        (row["domain_heading"], row["technique_heading"]): row["count"]
        for row in filters.projects.filter(filters.current_q())
        .annotate(
            domain_heading=Coalesce("domains__parent", "domains"),
            technique_heading=Coalesce("techniques__parent", "techniques"),
        )
        .filter(domain_heading__isnull=False, technique_heading__isnull=False)
        .order_by()
        .values("domain_heading", "technique_heading")
        .annotate(count=Count("pk", distinct=True))
    }
    used_domains = [d for d in domains if any(k[0] == d.pk for k in cells)]
    used_techniques = [t for t in techniques if any(k[1] == t.pk for k in cells)]
    return {
        "domains": [{"key": d.slug, "label": d.display_name} for d in used_domains],
        "techniques": [
            {"key": t.slug, "label": t.display_name} for t in used_techniques
        ],
        "values": [
            [cells.get((d.pk, t.pk), 0) for t in used_techniques] for d in used_domains
        ],
    }
