"""The projects that registry pages show: an organisation's, a team's, a person's,
a dataset's. Registered for those pages from `ProjectsConfig.ready()` through
`portal.core.related`, since registry may not import projects. Every project here
comes through `Project.objects.public()`.
"""

from django.db import connection
from django.db.models import BooleanField, Count, Prefetch, Q, QuerySet
from django.db.models.expressions import RawSQL

from portal.core import related
from portal.core.data_version import (
    generation_follow,
    generation_version,
    version_cached,
)
from projects.models import Project, ProjectMember, ProjectPartner
from projects.models.project import public_project_q
from registry.models import Organisation, Team

# An organisation or team page lists at most this many projects of each kind (led,
# in partnership), with the number led: at national scale an institute leads tens
# of thousands, which no page can list. The partial indexes on (lead, title) of
# published projects serve both the first rows and the count.
RECORD_PROJECTS_SHOWN = 50
# What a count kept in the cache may miss (a write no signal sees) lasts this long.
LED_COUNT_CACHE_SECONDS = 3600


def _public_projects() -> QuerySet[Project]:
    """Published projects as these pages list them: a link and a name. Only those
    fields are read: 100 full projects (a clusterable model of 40 fields) cost a
    team page more time than its queries."""
    return (
        Project.objects.public()
        .only("pk", "slug", "title", "acronym")
        .order_by("title")
    )


def _led_projects(*, all_projects_query: str, **lead) -> dict:
    """The first led projects, their number, and the project list's query that
    shows them all (when the list can filter on this record)."""
    led = _public_projects().filter(**lead)
    ((field, record),) = lead.items()
    # Counting an institute's 33,333 projects scans as many index rows (17 ms):
    # the number is kept until a project is written.
    count = version_cached(
        namespace="projects:led-count",
        key=f"{field}:{record.pk}",
        version=generation_version(Project),
        compute=led.count,
        timeout=LED_COUNT_CACHE_SECONDS,
    )
    return {
        "led_projects": list(led[:RECORD_PROJECTS_SHOWN]),
        "led_projects_count": count,
        "all_projects_query": all_projects_query,
    }


def _partner_projects(*partners: QuerySet, exclude_lead: dict) -> list[Project]:
    """Published projects with a row in one of these partner querysets: a semi-join
    on the union of their rows, each found through its own index (a join, or an OR
    across two relations, scanned every partner row: 87 ms at 100,000 projects)."""
    rows = [queryset.values("project_id") for queryset in partners]
    ids = rows[0].union(*rows[1:]) if len(rows) > 1 else rows[0]
    projects = _public_projects().filter(_pk_among(ids)).exclude(**exclude_lead)
    return list(projects[:RECORD_PROJECTS_SHOWN])


def _pk_among(ids: QuerySet):
    """`pk IN (ids)`; on PostgreSQL `pk = ANY(ARRAY(ids))`, which the planner reads
    through the primary key: for an organisation whose teams partner in 4,600
    projects, `IN` hashed the ids and scanned all 100,000 projects by title
    (42 ms against 20 ms, EXPLAIN ANALYZE at 100,000 projects)."""
    if connection.vendor != "postgresql":
        return Q(pk__in=ids)
    sql, params = ids.query.sql_with_params()
    column = f'"{Project._meta.db_table}"."{Project._meta.pk.column}"'
    return RawSQL(f"{column} = ANY(ARRAY({sql}))", params, output_field=BooleanField())


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


def organisation_projects(*, organisation) -> dict:
    """The first published projects the organisation leads (and how many), and those
    where it or one of its teams is a partner."""
    teams = Team.objects.filter(parents=organisation).values("pk")
    institute = Organisation.objects.institutes().filter(pk=organisation.pk).exists()
    query = f"institute={organisation.pk}" if institute else ""
    return {
        **_led_projects(lead_organisation=organisation, all_projects_query=query),
        "partner_projects": _partner_projects(
            ProjectPartner.objects.filter(organisation=organisation),
            ProjectPartner.objects.filter(team__in=teams),
            exclude_lead={},
        ),
    }


def team_projects(*, team) -> dict:
    return {
        **_led_projects(lead_team=team, all_projects_query=f"team={team.pk}"),
        "partner_projects": _partner_projects(
            ProjectPartner.objects.filter(team=team), exclude_lead={"lead_team": team}
        ),
    }


def dataset_projects(*, dataset) -> dict:
    projects = _public_projects().filter(dataset_uses__dataset=dataset).distinct()
    return {"projects": projects}


def register_registry_pages() -> None:
    generation_follow(Project)  # the numbers of led projects
    related.register_queryset("person_detail", _with_project_roles)
    related.register_queryset("dataset_list", _with_project_count)
    related.register_page("organisation_detail", organisation_projects)
    related.register_page("team_detail", team_projects)
    related.register_page("dataset_detail", dataset_projects)
