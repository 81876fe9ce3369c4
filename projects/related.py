"""The projects that registry pages show: an organisation's, a team's, a person's,
a dataset's. Registered for those pages from `ProjectsConfig.ready()` through
`portal.core.related`, since registry may not import projects. Every project here
comes through `Project.objects.public()`.
"""

from django.db.models import Count, Prefetch, Q, QuerySet

from portal.core import related
from projects.models import Project, ProjectMember
from projects.models.project import public_project_q

# An organisation page lists at most this many partner projects.
ORGANISATION_PARTNER_PROJECTS_SHOWN = 50


def _public_projects() -> QuerySet[Project]:
    return (
        Project.objects.public().select_related("lead_organisation").order_by("title")
    )


def _with_led_projects(queryset: QuerySet) -> QuerySet:
    """Organisations and teams with `public_led_projects`, for a whole page at once."""
    return queryset.prefetch_related(
        Prefetch(
            "led_projects", queryset=_public_projects(), to_attr="public_led_projects"
        )
    )


def public_rows_prefetch(relation: str, model) -> Prefetch:
    """A registry record's rows (`project_roles`, `project_uses`) that belong to
    public projects, with their project, as `public_<relation>`: for pages and the
    API alike."""
    return Prefetch(
        relation,
        queryset=model.objects.public().select_related("project"),
        to_attr=f"public_{relation}",
    )


def _with_project_roles(queryset: QuerySet) -> QuerySet:
    return queryset.prefetch_related(
        public_rows_prefetch("project_roles", ProjectMember)
    )


def _with_project_count(queryset: QuerySet) -> QuerySet:
    """Datasets with `project_count`: the public projects that use each one."""
    return queryset.annotate(
        project_count=Count(
            "project_uses",
            filter=public_project_q("project_uses__project__"),
            distinct=True,
        )
    )


def organisation_partner_projects(*, organisation) -> dict:
    """Published projects where the organisation or one of its teams is a partner."""
    projects = (
        _public_projects()
        .filter(
            Q(partners__organisation=organisation)
            | Q(partners__team__parents=organisation)
        )
        .distinct()
    )
    return {"partner_projects": projects[:ORGANISATION_PARTNER_PROJECTS_SHOWN]}


def team_partner_projects(*, team) -> dict:
    projects = (
        _public_projects()
        .filter(partners__team=team)
        .exclude(lead_team=team)
        .distinct()
    )
    return {"partner_projects": projects}


def dataset_projects(*, dataset) -> dict:
    projects = _public_projects().filter(dataset_uses__dataset=dataset).distinct()
    return {"projects": projects}


def register_registry_pages() -> None:
    related.register_queryset("organisation_detail", _with_led_projects)
    related.register_queryset("team_detail", _with_led_projects)
    related.register_queryset("person_detail", _with_project_roles)
    related.register_queryset("dataset_list", _with_project_count)
    related.register_page("organisation_detail", organisation_partner_projects)
    related.register_page("team_detail", team_partner_projects)
    related.register_page("dataset_detail", dataset_projects)
