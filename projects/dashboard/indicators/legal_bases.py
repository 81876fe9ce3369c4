"""Health data uses by legal basis and by kind of source (issue 18): how much of the
research rests on a CNIL reference methodology, an authorisation after the CESREES
opinion, or consent — for policymakers."""

from django.db.models import Count

from projects.dashboard.filters import DashboardFilters
from projects.dashboard.indicators.base import share
from projects.models import ProjectDataset
from projects.models.legal_basis import legal_basis_group
from registry.models import Dataset

# The families a framework belongs to, in the order the table lists them.
GROUPS = (
    ("reference_methodology", "Méthodologie de référence (MR-001 à MR-008)"),
    ("cnil_authorisation", "Autorisation CNIL après avis du CESREES"),
    ("consent", "Consentement"),
    ("other", "Autre cadre"),
    ("unstated", "Non renseigné"),
)


def indicator_legal_bases(*, filters: DashboardFilters) -> dict:
    """Uses of a dataset by the filtered public projects, counted by legal-basis
    family and by the kind of source; one aggregate query."""
    uses = ProjectDataset.objects.filter(
        project__in=filters.projects.filter(filters.current_q()).values("pk")
    )
    counts: dict[tuple[str, str], int] = {}
    frameworks: dict[str, int] = {}
    for row in (
        uses.order_by()
        .values("legal_framework", "dataset__kind")
        .annotate(uses=Count("pk"))
    ):
        key = (legal_basis_group(row["legal_framework"]), row["dataset__kind"])
        counts[key] = counts.get(key, 0) + row["uses"]
        framework = row["legal_framework"] or "unstated"
        frameworks[framework] = frameworks.get(framework, 0) + row["uses"]
    kinds = [
        {"key": kind, "label": str(label)}
        for kind, label in Dataset.Kind.choices
        if any(found_kind == kind for _, found_kind in counts)
    ]
    total = sum(counts.values())
    rows = [
        {
            "key": group,
            "label": label,
            "value": sum(n for (g, _), n in counts.items() if g == group),
            "by_kind": {
                kind["key"]: counts.get((group, kind["key"]), 0) for kind in kinds
            },
        }
        for group, label in GROUPS
    ]
    for row in rows:
        row["share"] = share(row["value"], total)
    return {
        "rows": [row for row in rows if row["value"]],
        "kinds": kinds,
        "frameworks": dict(sorted(frameworks.items())),
        "total": total,
    }
