"""Every indicator at once: the table of indicators, the headline figures, the cache."""

import datetime

from django.conf import settings
from django.utils import timezone

from portal.core.data_version import (
    generation_follow,
    generation_version,
    version_cached,
)
from projects.dashboard.definitions import definition
from projects.dashboard.filters import DashboardFilters
from projects.dashboard.indicators.base import CLINICAL_TRL
from projects.dashboard.indicators.collaboration import indicator_collaboration
from projects.dashboard.indicators.datasets import indicator_dataset_usage
from projects.dashboard.indicators.evaluation import (
    indicator_evaluation_coverage,
    indicator_evaluation_verdicts,
)
from projects.dashboard.indicators.funding import indicator_funding_by_programme
from projects.dashboard.indicators.legal_bases import indicator_legal_bases
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
from projects.models import Project, ProjectDataset, ProjectFunding, ProjectPartner
from projects.models.project import STAGE_TRL_RANGES, Stage
from registry.models import Dataset, Evaluation, Organisation, Team

INDICATORS = {
    "projects_by_institute": indicator_projects_by_institute,
    "projects_by_year": indicator_projects_by_year,
    "projects_by_status": indicator_projects_by_status,
    "projects_by_stage": indicator_projects_by_stage,
    "domain_technique": indicator_domain_technique_matrix,
    "datasets": indicator_dataset_usage,
    "evaluation_coverage": indicator_evaluation_coverage,
    "evaluation_verdicts": indicator_evaluation_verdicts,
    "collaboration": indicator_collaboration,
    "funding": indicator_funding_by_programme,
    "maturity_without_assurance": indicator_maturity_without_assurance,
    "not_started": indicator_projects_not_started,
    "legal_bases": indicator_legal_bases,
}


def indicator_summary(*, indicators: dict) -> dict:
    """Headline figures derived from the indicators (no query): the trend curves."""
    stages = {
        row["key"]: row["value"] for row in indicators["projects_by_stage"]["rows"]
    }
    return {
        "projects": indicators["projects_by_status"]["total"],
        "clinical_or_beyond": sum(
            count
            for stage, count in stages.items()
            if STAGE_TRL_RANGES[Stage(stage)][0] >= CLINICAL_TRL
        ),
        "evaluated": indicators["evaluation_coverage"]["evaluated"],
        "cross_institute": indicators["collaboration"]["cross_institute"],
        "dataset_uses": indicators["datasets"]["access"]["requested"],
        "without_assurance": indicators["maturity_without_assurance"]["total"],
    }


def indicators_compute(*, filters: DashboardFilters) -> dict:
    """Every indicator for these filters, as one JSON-able dict."""
    indicators = {
        name: compute(filters=filters) | {"definition": definition(name)}
        for name, compute in INDICATORS.items()
    }
    indicators["summary"] = indicator_summary(indicators=indicators)
    indicators["computed_on"] = (filters.as_of or datetime.date.today()).isoformat()
    return indicators


# Caching: the key is the filters, the language and the generations of what the
# indicators read (portal/core/data_version.py): one indexed query per request at any
# scale. What no signal sees is caught by the timeout, short enough for a dashboard.
INDICATOR_SOURCES = (
    Project,
    ProjectPartner,
    ProjectDataset,
    ProjectFunding,
    Project.domains.through,
    Project.techniques.through,
    Evaluation,
    Organisation,
    Team,
    Team.parents.through,
    Dataset,
)


def indicators_generations_follow() -> None:
    """From the dashboard's AppConfig.ready(): their writes draw new generations."""
    generation_follow(*INDICATOR_SOURCES)


def indicators_data_version() -> str:
    """A version of the data the indicators read; it changes after every commit,
    and with the day (a project counts from its start date)."""
    return f"{generation_version(*INDICATOR_SOURCES)};day={timezone.localdate()}"


def indicators_cached(*, filters: DashboardFilters) -> dict:
    """`indicators_compute`, served from the cache while the data is unchanged."""
    return version_cached(
        namespace="dashboard:indicators",
        key=filters.key,
        version=indicators_data_version(),
        compute=lambda: indicators_compute(filters=filters),
        timeout=settings.DASHBOARD_CACHE_TIMEOUT,
    )
