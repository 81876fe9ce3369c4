"""« Mes projets » lists the user's projects with their state, in constant queries."""

import pytest
from django.db import connection
from django.shortcuts import resolve_url
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from projects.models import Project
from tests.contribution.conftest import add_member, owned_project
from tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db

URL = reverse("contribution:my_projects")


def test_anonymous_visitors_are_sent_to_the_login_page(client, settings):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(resolve_url(settings.LOGIN_URL))


def test_lists_owned_and_member_projects_with_their_state(
    client, researcher, other_researcher, moderator
):
    draft = owned_project(researcher, title="Un brouillon")
    published = owned_project(researcher, live=True, title="Un projet publié")
    changed = owned_project(researcher, live=True, title="Publié puis modifié")
    changed.get_latest_revision_as_object().save_revision(user=researcher)
    in_moderation = owned_project(researcher, title="En attente")
    in_moderation.get_workflow().start(in_moderation, researcher)
    membership = add_member(
        owned_project(other_researcher, title="Projet d’une collègue"), researcher
    )
    ProjectFactory(title="Le projet de quelqu’un d’autre")
    client.force_login(researcher)

    response = client.get(URL)

    rows = {project.pk: project for project in response.context["projects"]}
    assert set(rows) == {
        draft.pk,
        published.pk,
        changed.pk,
        in_moderation.pk,
        membership.pk,
    }
    states = {pk: project.contribution_state.code for pk, project in rows.items()}
    assert states == {
        draft.pk: "draft",
        published.pk: "published",
        changed.pk: "changes_draft",
        in_moderation.pk: "in_moderation",
        membership.pk: "draft",
    }
    html = response.content.decode()
    assert "Le projet de quelqu’un d’autre" not in html
    assert "en modération" in html and "brouillon" in html


def queries_for(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL).status_code == 200
    return len(queries)


def test_query_count_does_not_grow_with_the_number_of_projects(client, researcher):
    owned_project(researcher)
    client.force_login(researcher)
    queries_for(client)  # warms the content-type and site caches
    few = queries_for(client)
    for _ in range(5):
        project = owned_project(researcher, live=True)
        project.get_workflow().start(Project.objects.get(pk=project.pk), researcher)

    assert queries_for(client) == few


def test_the_space_speaks_english_under_en(client, researcher):
    owned_project(researcher)
    client.force_login(researcher)

    html = client.get("/en" + URL).content.decode()

    assert "My projects" in html
    assert "draft" in html
    assert "Mes projets" not in html


def test_only_researchers_and_editorial_roles_declare_projects(
    client, make_user, settings
):
    create = reverse("contribution:project_create")
    assert client.get(create)["Location"].startswith(resolve_url(settings.LOGIN_URL))
    client.force_login(make_user("evaluateur", "INESIA evaluators", person=False))
    assert client.get(create).status_code == 403
    client.force_login(make_user("nouvelle", "Researchers", person=False))
    assert client.get(create).status_code == 200


def test_the_public_page_offers_editing_to_contributors_only(
    client, researcher, other_researcher
):
    project = owned_project(researcher, live=True)
    edit = reverse("contribution:project_edit", args=[project.pk])

    assert edit not in client.get(project.get_absolute_url()).content.decode()
    client.force_login(other_researcher)
    assert edit not in client.get(project.get_absolute_url()).content.decode()
    client.force_login(researcher)
    assert edit in client.get(project.get_absolute_url()).content.decode()


def test_a_project_created_in_the_admin_belongs_to_its_creator(client, moderator):
    from tests.contribution.test_admin_tools import project_form
    from tests.factories import OrganisationFactory, TeamFactory

    organisation = OrganisationFactory()
    client.force_login(moderator)
    client.post(
        reverse("wagtailsnippets_projects_project:add"),
        project_form(organisation, TeamFactory(parents=[organisation])),
    )

    assert Project.objects.get(acronym="RETINO-IA").owner == moderator
