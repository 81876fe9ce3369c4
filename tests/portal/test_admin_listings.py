"""Every registry model has an admin listing with search and filters."""

import pytest
from django.urls import reverse

from tests.factories.scenarios import rich_project

pytestmark = pytest.mark.django_db

LISTINGS = [
    ("projects", "project", "status=active"),
    ("projects", "domain", ""),
    ("projects", "technique", ""),
    ("registry", "organisation", "kind=institute"),
    ("registry", "team", "kind=umr"),
    ("registry", "person", "is_fictional=false"),
    ("registry", "dataset", "kind=cohort"),
    ("registry", "evaluation", "status=published"),
    ("registry", "evaluationcriterion", ""),
    ("registry", "datastandard", ""),
]


@pytest.mark.parametrize("app_label,model_name,filters", LISTINGS)
def test_admin_listing_searches_and_filters(
    admin_client, app_label, model_name, filters
):
    project = rich_project()
    url = reverse(f"wagtailsnippets_{app_label}_{model_name}:list")
    assert admin_client.get(url).status_code == 200
    assert admin_client.get(url, {"q": "a"}).status_code == 200
    if filters:
        assert admin_client.get(f"{url}?{filters}").status_code == 200
    if model_name == "project":
        response = admin_client.get(url, {"q": project.acronym})
        assert project.title in response.content.decode()
        edit = reverse("wagtailsnippets_projects_project:edit", args=[project.pk])
        assert admin_client.get(edit).status_code == 200
