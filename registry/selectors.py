"""Reads of registry entities for public pages.

Projects reached from an organisation, team, person or dataset always go through
`Project.objects.public()`, and evaluations through `Evaluation.objects.public()`.
"""

from django.db.models import Count, Prefetch, Q, QuerySet

from projects.models import Project, ProjectMember
from registry.models import Dataset, Evaluation, Membership, Organisation, Person, Team


def _public_projects() -> QuerySet[Project]:
    return (
        Project.objects.public().select_related("lead_organisation").order_by("title")
    )


def organisation_public_list() -> QuerySet[Organisation]:
    return (
        Organisation.objects.select_related("parent")
        .annotate(team_count=Count("teams", distinct=True))
        .order_by("name")
    )


def organisation_public_detail() -> QuerySet[Organisation]:
    return Organisation.objects.select_related("parent").prefetch_related(
        "children",
        "teams",
        "produced_datasets",
        Prefetch(
            "led_projects", queryset=_public_projects(), to_attr="public_led_projects"
        ),
    )


def organisation_partner_projects(*, organisation: Organisation) -> QuerySet[Project]:
    """Published projects where the organisation or one of its teams is a partner."""
    return (
        _public_projects()
        .filter(
            Q(partners__organisation=organisation)
            | Q(partners__team__parents=organisation)
        )
        .distinct()
    )


def team_public_list() -> QuerySet[Team]:
    return (
        Team.objects.prefetch_related("parents")
        .annotate(member_count=Count("memberships", distinct=True))
        .order_by("name")
    )


def team_public_detail() -> QuerySet[Team]:
    return Team.objects.select_related("lead").prefetch_related(
        "parents",
        "expertise",
        Prefetch(
            "memberships",
            queryset=Membership.objects.select_related("person").order_by(
                "person__last_name"
            ),
        ),
        Prefetch(
            "led_projects", queryset=_public_projects(), to_attr="public_led_projects"
        ),
    )


def team_partner_projects(*, team: Team) -> QuerySet[Project]:
    return (
        _public_projects()
        .filter(partners__team=team)
        .exclude(lead_team=team)
        .distinct()
    )


def person_public_list() -> QuerySet[Person]:
    return Person.objects.prefetch_related(
        Prefetch(
            "memberships",
            queryset=Membership.objects.select_related("team").filter(
                end_date__isnull=True
            ),
        )
    ).order_by("last_name", "first_name")


def person_public_detail() -> QuerySet[Person]:
    return Person.objects.prefetch_related(
        "expertise",
        Prefetch("memberships", queryset=Membership.objects.select_related("team")),
        Prefetch(
            "project_roles",
            queryset=ProjectMember.objects.filter(project__live=True).select_related(
                "project"
            ),
            to_attr="public_project_roles",
        ),
    )


def dataset_public_list() -> QuerySet[Dataset]:
    return (
        Dataset.objects.select_related("producer")
        .annotate(
            project_count=Count(
                "project_uses",
                filter=Q(project_uses__project__live=True),
                distinct=True,
            )
        )
        .order_by("name")
    )


def dataset_public_detail() -> QuerySet[Dataset]:
    return Dataset.objects.select_related("producer").prefetch_related("standards")


def dataset_projects(*, dataset: Dataset) -> QuerySet[Project]:
    return _public_projects().filter(dataset_uses__dataset=dataset).distinct()


def evaluation_public_list() -> QuerySet[Evaluation]:
    return (
        Evaluation.objects.public()
        .select_related("project", "evaluator")
        .order_by("-published_on", "reference")
    )


def evaluation_public_detail() -> QuerySet[Evaluation]:
    return (
        Evaluation.objects.public()
        .select_related("project", "evaluator", "report_document")
        .prefetch_related("scores__criterion")
    )
