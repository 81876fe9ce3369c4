"""Health data: projects per dataset and per kind, access requests and decisions."""

from django.db.models import Count, Q
from django.urls import reverse

from projects.dashboard.filters import DashboardFilters
from projects.dashboard.indicators.base import share
from projects.models import ProjectDataset
from registry.models import Dataset


def access_counts(*, filters: DashboardFilters) -> dict[str, Count]:
    """Access requests and decisions as they stood on `filters.day`.

    A link counts as requested from its request date, and as granted or refused from
    its decision date; links with no date (recorded before dates were kept) count
    at their current state, and `undated_decisions` says how many decisions did.
    """
    statuses = ProjectDataset.AccessStatus
    day = filters.day
    requested = Q(access_requested_on__isnull=True) | Q(access_requested_on__lte=day)
    decided_by_day = Q(access_decided_on__isnull=True) | Q(access_decided_on__lte=day)
    granted = requested & decided_by_day & Q(access_status=statuses.GRANTED)
    refused = requested & decided_by_day & Q(access_status=statuses.REFUSED)
    return {
        "requested": Count("pk", filter=requested),
        "granted": Count("pk", filter=granted),
        "refused": Count("pk", filter=refused),
        "pending": Count("pk", filter=requested & ~(granted | refused)),
        "undated_decisions": Count(
            "pk",
            filter=(granted | refused) & Q(access_decided_on__isnull=True),
        ),
    }


def indicator_dataset_usage(*, filters: DashboardFilters) -> dict:
    """Projects per dataset and per dataset kind; access requested, granted, refused.

    The granted rate is granted / decided (granted + refused): pending requests are
    left out, refusals count. It covers the links declared by published projects,
    so a refused request of a project that was never published is not seen.
    """
    uses = ProjectDataset.objects.filter(
        project__in=filters.projects.filter(filters.current_q()).values("pk")
    )
    counts = access_counts(filters=filters)
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
            **{name: row[name] for name in counts},
        }
        for row in uses.order_by()
        .values("dataset__slug", "dataset__name", "dataset__acronym", "dataset__kind")
        .annotate(projects=Count("project", distinct=True), **counts)
        .order_by("-projects", "dataset__name")
    ]
    kinds_found = {
        row["dataset__kind"]: row
        for row in uses.order_by()
        .values("dataset__kind")
        .annotate(projects=Count("project", distinct=True), **counts)
    }
    kinds = [
        {
            "key": kind,
            "label": str(label),
            "value": kinds_found[kind]["projects"],
            **{name: kinds_found[kind][name] for name in counts},
        }
        for kind, label in Dataset.Kind.choices
        if kind in kinds_found
    ]
    access = {name: sum(row[name] for row in kinds) for name in counts}
    access["decided"] = access["granted"] + access["refused"]
    access["granted_share"] = share(access["granted"], access["decided"])
    access["granted_share_basis"] = "granted / (granted + refused)"
    return {"datasets": datasets, "kinds": kinds, "access": access}
