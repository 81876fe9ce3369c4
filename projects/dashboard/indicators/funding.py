"""Funding: projects and amounts by funder and programme."""

from django.db.models import Count, Sum

from projects.dashboard.filters import DashboardFilters
from projects.models import ProjectFunding


def indicator_funding_by_programme(*, filters: DashboardFilters) -> dict:
    """Projects and amounts by funder and programme."""
    rows = []
    for row in (
        ProjectFunding.objects.filter(
            project__in=filters.projects.filter(filters.current_q()).values("pk")
        )
        .order_by()
        .values("programme", "funder__acronym", "funder__name")
        .annotate(
            projects=Count("project", distinct=True),
            grants=Count("pk"),
            amount=Sum("amount_eur"),
        )
        .order_by("-projects", "programme", "funder__name")
    ):
        funder = row["funder__acronym"] or row["funder__name"]
        programme = row["programme"] or "—"
        rows.append(
            {
                "key": f"{funder} {programme}",
                "label": f"{funder} · {programme}" if row["programme"] else funder,
                "funder": funder,
                "programme": programme,
                "value": row["projects"],
                "grants": row["grants"],
                "amount_eur": int(row["amount"]) if row["amount"] is not None else None,
            }
        )
    return {"rows": rows}
