"""A project's own preview (« Aperçu ») renders the latest draft for the people
who contribute to it, whoever else is on its member list."""

import pytest
from django.urls import reverse

from projects.models import ProjectMember
from tests.contribution.conftest import add_member, owned_project
from tests.contribution.forms_data import edit_payload
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_a_member_previews_their_edit_beside_a_member_without_account(
    client, researcher, other_researcher
):
    project = owned_project(other_researcher, live=True, title="Titre publié")
    # A registry person with no portal account is on the member list.
    ProjectMember.objects.create(
        project=project, person=PersonFactory(), role=ProjectMember.Role.ENGINEER
    )
    project = add_member(project, researcher)
    client.force_login(researcher)
    edit_url = reverse("contribution:project_edit", args=[project.pk])
    saved = client.post(edit_url, edit_payload(project, title="Titre en préparation"))
    assert saved.status_code == 302

    response = client.get(reverse("contribution:project_preview", args=[project.pk]))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Titre en préparation" in html
    assert edit_url in html  # the member is still offered « Modifier ce projet »
