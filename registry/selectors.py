"""Reads of registry entities for public pages.

The projects an organisation, team, person or dataset page shows are added by the
projects app (`projects/related.py`, through `portal.core.related`): registry may
not import projects. Evaluations go through `Evaluation.objects.public()`.
"""

from django.db.models import Count, Prefetch, QuerySet

from portal.core import related
from registry.models import Dataset, Evaluation, Membership, Organisation, Person, Team


def organisation_public_list() -> QuerySet[Organisation]:
    return (
        Organisation.objects.select_related("parent")
        .annotate(team_count=Count("teams", distinct=True))
        .order_by("name")
    )


def organisation_public_detail() -> QuerySet[Organisation]:
    queryset = Organisation.objects.select_related("parent").prefetch_related(
        "children", "teams", "produced_datasets"
    )
    return related.page_queryset("organisation_detail", queryset)


def team_public_list() -> QuerySet[Team]:
    return (
        Team.objects.prefetch_related("parents")
        .annotate(member_count=Count("memberships", distinct=True))
        .order_by("name")
    )


def team_public_detail() -> QuerySet[Team]:
    queryset = Team.objects.select_related("lead").prefetch_related(
        "parents",
        "expertise",
        Prefetch(
            "memberships",
            queryset=Membership.objects.select_related("person").order_by(
                "person__last_name"
            ),
        ),
    )
    return related.page_queryset("team_detail", queryset)


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
    queryset = Person.objects.prefetch_related(
        "expertise",
        Prefetch("memberships", queryset=Membership.objects.select_related("team")),
    )
    return related.page_queryset("person_detail", queryset)


def dataset_public_list() -> QuerySet[Dataset]:
    queryset = Dataset.objects.select_related("producer").order_by("name")
    return related.page_queryset("dataset_list", queryset)


def dataset_public_detail() -> QuerySet[Dataset]:
    return Dataset.objects.select_related("producer").prefetch_related("standards")


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
