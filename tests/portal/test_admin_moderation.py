"""Editing a project in the Wagtail admin goes through moderation: an editor drafts
and submits, the project stays private, a moderator approves and it is published."""

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from projects.models import Project
from tests.factories import OrganisationFactory, TeamFactory, domain, technique

pytestmark = pytest.mark.django_db

ADD_URL = "wagtailsnippets_projects_project:add"
EDIT_URL = "wagtailsnippets_projects_project:edit"


def project_form(organisation, team, **overrides) -> dict:
    data = {
        "title": "Détection précoce de la rétinopathie diabétique",
        "acronym": "RETINO-IA",
        "title_en": "",
        "slug": "",
        "summary": "Un réseau convolutif lit les rétinographies du dépistage.",
        "summary_en": "",
        "description": rich_text("<p>Étude multicentrique.</p>"),
        "description_en": rich_text(""),
        "keywords": "rétinopathie, dépistage",
        "status": "active",
        "trl": "5",
        "start_date": "2025-01-01",
        "end_date": "2027-12-31",
        "domains": [domain("ophtalmologie").pk],
        "techniques": [technique("reseaux-convolutifs").pk],
        "ce_class": "",
        "ai_act_risk": "high",
        "code_repository": "",
        "lead_organisation": organisation.pk,
        "lead_team": team.pk,
        "partners": inline_formset(
            [{"team": team.pk, "organisation": "", "role": "coordinator"}]
        ),
        "members": inline_formset([]),
        "dataset_uses": inline_formset([]),
        "fundings": inline_formset([]),
        "publications": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def test_editor_submits_and_moderator_approves(client, editor, moderator):
    organisation = OrganisationFactory(name="Inserm")
    team = TeamFactory(parents=[organisation])

    client.force_login(editor)
    assert client.get(reverse(ADD_URL)).status_code == 200
    response = client.post(
        reverse(ADD_URL), project_form(organisation, team, **{"action-submit": "1"})
    )
    assert response.status_code == 302, response.context["form"].errors
    project = Project.objects.get(acronym="RETINO-IA")
    assert not project.live
    state = WorkflowState.objects.get(
        base_content_type__model="project", object_id=str(project.pk)
    )
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert client.get(project.get_absolute_url()).status_code == 404

    client.force_login(moderator)
    edit_url = reverse(EDIT_URL, args=[project.pk])
    assert client.get(edit_url).status_code == 200
    response = client.post(
        edit_url,
        project_form(
            organisation,
            team,
            **{"action-workflow-action": "1", "workflow-action-name": "approve"},
        ),
    )
    assert response.status_code == 302

    project.refresh_from_db()
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert project.live
    assert project.revisions.count() >= 2
    page = client.get(project.get_absolute_url())
    assert page.status_code == 200
    assert "Détection précoce de la rétinopathie diabétique" in page.content.decode()


def test_editor_cannot_publish_directly(client, editor):
    organisation = OrganisationFactory()
    team = TeamFactory(parents=[organisation])
    client.force_login(editor)
    client.post(
        reverse(ADD_URL), project_form(organisation, team, **{"action-publish": "1"})
    )
    project = Project.objects.get(acronym="RETINO-IA")
    assert not project.live


def test_admin_form_reports_impossible_dates_and_stores_nothing(client, moderator):
    organisation = OrganisationFactory()
    team = TeamFactory(parents=[organisation])
    client.force_login(moderator)
    response = client.post(
        reverse(ADD_URL),
        project_form(
            organisation,
            team,
            start_date="2026-01-01",
            end_date="2025-01-01",
            **{"action-publish": "1"},
        ),
    )
    assert response.status_code == 200
    assert "end_date" in response.context["form"].errors
    assert not Project.objects.filter(acronym="RETINO-IA").exists()
