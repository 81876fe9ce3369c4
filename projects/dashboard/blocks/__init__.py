"""Each indicator as the page shows it: a chart, its data table, a one-line reading.

The same table feeds the CSV download, so what one reads and what one downloads never
differ. Builders take the JSON-able indicators dict and make no query. `base` holds
what blocks are made of; one module per section of the page holds its builders;
`BUILDERS` and `SECTIONS` below are the table that puts them in order.
"""

from collections.abc import Callable

from django.utils.translation import gettext_lazy

from projects.dashboard.blocks import (
    collaboration,
    datasets,
    domains,
    evaluation,
    funding,
    legal_bases,
    maturity,
    projects,
    trends,
)
from projects.dashboard.blocks.base import Block, Cell, Section

__all__ = ["BUILDERS", "SECTIONS", "Block", "Cell", "Section", "dashboard_sections"]

BUILDERS: dict[str, Callable[[dict], Block]] = {
    "projects_by_institute": projects.block_projects_by_institute,
    "projects_by_year": projects.block_projects_by_year,
    "projects_by_status": projects.block_projects_by_status,
    "projects_by_stage": projects.block_projects_by_stage,
    "domain_technique": domains.block_domain_technique,
    "datasets": datasets.block_datasets,
    "dataset_kinds": datasets.block_dataset_kinds,
    "dataset_access": datasets.block_dataset_access,
    "legal_bases": legal_bases.block_legal_bases,
    "evaluation_coverage": evaluation.block_evaluation_coverage,
    "evaluation_verdicts": evaluation.block_evaluation_verdicts,
    "evaluation_delay": evaluation.block_evaluation_delay,
    "maturity_without_assurance": maturity.block_maturity_without_assurance,
    "cross_institute": collaboration.block_cross_institute,
    "network": collaboration.block_network,
    "funding": funding.block_funding,
    "trends": trends.block_trends,
}

SECTIONS = [
    (
        "projets",
        gettext_lazy("Projets"),
        [
            "projects_by_institute",
            "projects_by_year",
            "projects_by_status",
            "projects_by_stage",
        ],
    ),
    ("domaines", gettext_lazy("Domaines et techniques"), ["domain_technique"]),
    (
        "donnees",
        gettext_lazy("Données de santé"),
        ["datasets", "dataset_kinds", "dataset_access", "legal_bases"],
    ),
    (
        "evaluation",
        gettext_lazy("Évaluation par l’INESIA"),
        [
            "evaluation_coverage",
            "maturity_without_assurance",
            "evaluation_verdicts",
            "evaluation_delay",
        ],
    ),
    ("collaboration", gettext_lazy("Collaboration"), ["cross_institute", "network"]),
    ("financement", gettext_lazy("Financement"), ["funding"]),
    ("tendances", gettext_lazy("Tendances"), ["trends"]),
]


def dashboard_sections(*, data: dict) -> list[Section]:
    """The page, section by section; `data` holds the indicators and the trends."""
    return [
        Section(
            slug=slug, title=str(title), blocks=[BUILDERS[name](data) for name in names]
        )
        for slug, title, names in SECTIONS
    ]
