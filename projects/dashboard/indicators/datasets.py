"""Health data: projects per dataset and per kind, access requested and granted."""

from django.db.models import Count, Q
from django.urls import reverse

from projects.dashboard.filters import DashboardFilters
from projects.dashboard.indicators.base import share
from projects.models import ProjectDataset
from registry.models import Dataset


def indicator_dataset_usage(*, filters: DashboardFilters) -> dict:
    """Projects per dataset and per dataset kind; access requested, granted, refused."""
    uses = ProjectDataset.objects.filter(
        project__in=filters.projects.filter(filters.current_q()).values("pk")
    )
    statuses = ProjectDataset.AccessStatus
    access_counts = {
        "requested": Count("pk"),
        "granted": Count("pk", filter=Q(access_status=statuses.GRANTED)),
        "refused": Count("pk", filter=Q(access_status=statuses.REFUSED)),
        "pending": Count("pk", filter=Q(access_status=statuses.REQUESTED)),
    }
    datasets = [
        {
            "key": row["dataset__slug"],
            "label": row["dataset__acronym"] or row["dataset__name"],
            "name": row["dataset__name"],
            "url": reverse(
                "registry:dataset_detail", kwargs={"slug": row["dataset__slug"]}
            ),
            "kind": str(Dataset.Kind(row["dataset__kind"]).label),
            "value": row["projects"],
            **{name: row[name] for name in access_counts},
        }
        for row in uses.order_by()
        .values("dataset__slug", "dataset__name", "dataset__acronym", "dataset__kind")
        .annotate(projects=Count("project", distinct=True), **access_counts)
        .order_by("-projects", "dataset__name")
    ]
    kinds_found = {
        row["dataset__kind"]: row
        for row in uses.order_by()
        .values("dataset__kind")
        .annotate(projects=Count("project", distinct=True), **access_counts)
    }
    kinds = [
        {
            "key": kind,
            "label": str(label),
            "value": kinds_found[kind]["projects"],
            **{name: kinds_found[kind][name] for name in access_counts},
        }
        for kind, label in Dataset.Kind.choices
        if kind in kinds_found
    ]
    access = {name: sum(row[name] for row in kinds) for name in access_counts}
    access["granted_share"] = share(access["granted"], access["requested"])
    return {"datasets": datasets, "kinds": kinds, "access": access}
