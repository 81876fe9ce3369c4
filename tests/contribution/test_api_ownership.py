"""The API's draft writes follow the same permissions module as the pages: a
project created through the API is owned, listed in « Mes projets », and editable
by its owner even when they are not in its member list."""

import json

import pytest
from django.core.cache import cache
from django.urls import reverse

from projects.models import Project
from tests.contribution.conftest import owned_project
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def clean_throttles():
    cache.clear()
    yield
    cache.clear()


def test_api_created_project_is_owned_and_listed(client, researcher):
    OrganisationFactory(ror_id="02vjkv261")
    client.force_login(researcher)

    response = client.post(
        "/api/v1/projects/",
        json.dumps(
            {
                "title": "Alerte précoce du sepsis",
                "summary": "Un modèle d’alerte aux urgences.",
                "lead_organisation": "ror:02vjkv261",
            }
        ),
        content_type="application/json",
    )

    assert response.status_code == 201, response.content
    project = Project.objects.get(slug=response.json()["slug"])
    assert project.owner == researcher
    page = client.get(reverse("contribution:my_projects")).content.decode()
    assert "Alerte précoce du sepsis" in page


def test_owner_edits_through_the_api_and_others_cannot(
    client, researcher, other_researcher
):
    project = owned_project(researcher, title="Avant")
    assert not project.members.exists()
    url = f"/api/v1/projects/{project.slug}/"
    body = json.dumps({"title": "Après"})

    client.force_login(other_researcher)
    refused = client.patch(url, body, content_type="application/json")
    client.force_login(researcher)
    accepted = client.patch(url, body, content_type="application/json")

    assert refused.status_code == 404
    assert accepted.status_code == 200, accepted.content
    project.refresh_from_db()
    assert project.get_latest_revision_as_object().title == "Après"
