"""Reads of projects for public pages: every one starts from `Project.objects.public()`."""

from collections import Counter

from django.conf import settings
from django.db.models import Prefetch, QuerySet

from portal.core.data_version import version_cached
from projects.models import Project, ProjectPartner
from registry.models import Dataset, Evaluation, Team


def project_public_list() -> QuerySet[Project]:
    """Published projects with what a list row shows, in a constant number of queries."""
    return (
        Project.objects.public()
        .select_related("lead_organisation", "lead_team")
        .prefetch_related("domains", "techniques")
        .order_by("-start_date", "title")
    )


def project_public_detail() -> QuerySet[Project]:
    """Published projects with everything their page shows."""
    return project_detail_queryset(Project.objects.public())


def project_detail_queryset(queryset: QuerySet[Project]) -> QuerySet[Project]:
    return queryset.select_related("lead_organisation", "lead_team").prefetch_related(
        "domains__parent",
        "techniques__parent",
        "keywords",
        Prefetch(
            "partners",
            queryset=ProjectPartner.objects.select_related(
                "team", "organisation"
            ).prefetch_related("team__parents"),
        ),
        "members__person",
        "dataset_uses__dataset__producer",
        "fundings__funder",
        "publications",
        Prefetch(
            "evaluations",
            queryset=Evaluation.objects.public().select_related("evaluator"),
            to_attr="public_evaluations",
        ),
    )


def project_detail_context(
    *, project: Project, include_unpublished: bool = False
) -> dict:
    """What the project page shows; previews of drafts read the unsaved instance."""
    if include_unpublished:
        # A preview renders an in-memory revision: its relations come from the cluster.
        evaluations = (
            list(Evaluation.objects.published().filter(project_id=project.pk))
            if project.pk
            else []
        )
    else:
        evaluations = project.public_evaluations
    return {
        "project": project,
        "partners": list(project.partners.all()),
        "members": list(project.members.all()),
        "dataset_uses": list(project.dataset_uses.all()),
        "fundings": list(project.fundings.all()),
        "publications": list(project.publications.all()),
        "evaluations": evaluations,
        "is_preview": include_unpublished,
    }


def home_context() -> dict:
    """Key figures, the leading institutes and the latest published projects for
    the home page."""
    return {
        **home_figures(),
        "latest_projects": list(
            project_public_list().order_by("-first_published_at", "-pk")[:6]
        ),
    }


def home_figures() -> dict:
    """The home page's key figures and leading institutes, from the dashboard's
    cache (its generations cover what they read): at 100,000 projects counting
    them reads every project, 0.1 s a request."""
    # Imported here: the dashboard's indicators read this module.
    from projects.dashboard.indicators.compute import indicators_data_version

    return version_cached(
        namespace="dashboard:indicators",
        key="home",
        version=indicators_data_version(),
        compute=lambda: {
            "key_figures": {
                "projects": Project.objects.public().count(),
                "teams": Team.objects.count(),
                "datasets": Dataset.objects.count(),
                "evaluations": Evaluation.objects.public().count(),
            },
            "institutes": home_institutes(),
        },
        timeout=settings.DASHBOARD_CACHE_TIMEOUT,
    )


def home_institutes(size: int = 4) -> list[dict]:
    """The institutes leading most projects, counted exactly as the dashboard's
    "projects by institute" (started published projects, lead and participation)."""
    from projects.dashboard.filters import dashboard_filters
    from projects.dashboard.indicators.projects import indicator_projects_by_institute

    filters, _filterset = dashboard_filters()
    rows = indicator_projects_by_institute(filters=filters)["rows"]
    rows = [row for row in rows if row["value"]]
    return sorted(rows, key=lambda row: (-row["lead"], -row["value"], row["label"]))[
        :size
    ]


# Similar projects are ranked among the latest rows of each shared domain and
# technique, not all of them: at 100,000 projects a domain is shared by tens of
# thousands, and grouping them all took 0.4 s a page (bench/results/pages-100000.md).
SIMILAR_CANDIDATES_PER_TERM_KIND = 500


def project_similar_by_taxonomy(*, project: Project, size: int = 4) -> list[Project]:
    """Published projects sharing the most domains and techniques with this one
    (then the latest started, a project without a start date first, as PostgreSQL
    orders a descending null), in four queries whatever the registry's size."""
    latest = SIMILAR_CANDIDATES_PER_TERM_KIND
    domain_rows = Project.domains.through.objects.filter(
        domain_id__in=[domain.pk for domain in project.domains.all()]
    )
    technique_rows = Project.techniques.through.objects.filter(
        technique_id__in=[technique.pk for technique in project.techniques.all()]
    )
    shared = Counter()
    for rows in (domain_rows, technique_rows):
        shared.update(
            rows.order_by("-project_id").values_list("project_id", flat=True)[:latest]
        )
    shared.pop(project.pk, None)
    started = dict(
        Project.objects.public()
        .filter(pk__in=list(shared))
        .order_by()  # ranked below: no sort of a thousand rows by title
        .values_list("pk", "start_date")
    )

    def rank(pk: int) -> tuple:
        start = started[pk]
        return (
            -shared[pk],
            start is not None,
            -(start.toordinal() if start else 0),
            pk,
        )

    best = sorted(started, key=rank)[:size]
    projects = Project.objects.in_bulk(best)
    return [projects[pk] for pk in best]
