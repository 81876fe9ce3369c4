"""Queries per page stay constant as data grows: each page is measured with 10 and
with 100 published projects (each with partners, members, datasets, evaluations)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from projects.models import Project
from tests.factories.scenarios import rich_project

pytestmark = pytest.mark.django_db


def page_urls(project: Project) -> dict[str, str]:
    partner_team = project.partners.filter(team__isnull=False).first().team
    dataset = project.dataset_uses.first().dataset
    person = project.members.first().person
    evaluation = project.evaluations.filter(status="published").first()
    return {
        "home": "/",
        "project_list": reverse("projects:project_list"),
        "project_list_filtered": reverse("projects:project_list")
        + "?status=active&stage=research",
        "project_detail": project.get_absolute_url(),
        "team_list": reverse("registry:team_list"),
        "team_detail": partner_team.get_absolute_url(),
        "lead_team_detail": project.lead_team.get_absolute_url(),
        "organisation_list": reverse("registry:organisation_list"),
        "organisation_detail": project.lead_organisation.get_absolute_url(),
        "person_list": reverse("registry:person_list"),
        "person_detail": person.get_absolute_url(),
        "dataset_list": reverse("registry:dataset_list"),
        "dataset_detail": dataset.get_absolute_url(),
        "evaluation_list": reverse("registry:evaluation_list"),
        "evaluation_detail": evaluation.get_absolute_url(),
        "sitemap": "/sitemap.xml",
    }


def count_queries(client, url: str) -> int:
    client.get(url)  # warm per-process caches (content types, site root paths)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def test_queries_per_page_do_not_grow_with_the_number_of_projects(client):
    first = rich_project()
    for _ in range(9):
        rich_project()
    at_10 = {name: count_queries(client, url) for name, url in page_urls(first).items()}

    for _ in range(90):
        rich_project()
    assert Project.objects.public().count() == 100
    at_100 = {
        name: count_queries(client, url) for name, url in page_urls(first).items()
    }

    assert at_100 == at_10
    # A generous ceiling that still catches a query per row on a page of 20.
    assert max(at_10.values()) < 30, at_10
