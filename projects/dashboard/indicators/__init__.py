"""Indicator selectors: one keyword-only function per indicator, each a few database
aggregations over the filtered public subset.

Every function receives `DashboardFilters` (whose `projects` already starts from
`Project.objects.public()`) and returns plain JSON-able data: the same dict feeds the
page, the CSV files, the API and the monthly snapshots. The number of queries of each
function is fixed: it never depends on the number of projects.

`base` holds what several indicators share; one module per theme holds its
selectors; `compute` runs them all, derives the headline figures and caches the result.
"""

from projects.dashboard.indicators.collaboration import (
    NETWORK_MAX_TEAMS,
    indicator_collaboration,
)
from projects.dashboard.indicators.compute import (
    INDICATORS,
    indicator_summary,
    indicators_cached,
    indicators_compute,
    indicators_data_version,
)
from projects.dashboard.indicators.datasets import indicator_dataset_usage
from projects.dashboard.indicators.evaluation import (
    indicator_evaluation_coverage,
    indicator_evaluation_verdicts,
)
from projects.dashboard.indicators.funding import indicator_funding_by_programme
from projects.dashboard.indicators.maturity import (
    indicator_maturity_without_assurance,
    indicator_projects_not_started,
)
from projects.dashboard.indicators.projects import (
    indicator_domain_technique_matrix,
    indicator_projects_by_institute,
    indicator_projects_by_stage,
    indicator_projects_by_status,
    indicator_projects_by_year,
)

__all__ = [
    "INDICATORS",
    "NETWORK_MAX_TEAMS",
    "indicator_collaboration",
    "indicator_dataset_usage",
    "indicator_domain_technique_matrix",
    "indicator_evaluation_coverage",
    "indicator_evaluation_verdicts",
    "indicator_funding_by_programme",
    "indicator_maturity_without_assurance",
    "indicator_projects_not_started",
    "indicator_projects_by_institute",
    "indicator_projects_by_stage",
    "indicator_projects_by_status",
    "indicator_projects_by_year",
    "indicator_summary",
    "indicators_cached",
    "indicators_compute",
    "indicators_data_version",
]
