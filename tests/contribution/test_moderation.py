"""Submission to the moderators, their decision in the Wagtail admin, and the
author's e-mail, sent by the Celery task after commit."""

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState

from projects.models import Project
from tests.contribution.conftest import owned_project

pytestmark = pytest.mark.django_db

WORKFLOW_ACTION_URL = "wagtailsnippets_projects_project:workflow_action"


def submit(client, project):
    return client.post(reverse("contribution:project_submit", args=[project.pk]))


def decide(client, project, action: str, comment: str = ""):
    """What the moderator's button in the Wagtail admin posts."""
    task_state = project.current_workflow_task_state
    return client.post(
        reverse(WORKFLOW_ACTION_URL, args=[project.pk, action, task_state.pk]),
        {"comment": comment},
    )


def current_state(project) -> WorkflowState | None:
    return Project.objects.get(pk=project.pk).current_workflow_state


def test_rejection_then_resubmission_then_approval(
    client, researcher, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    project = owned_project(researcher, title="Prédiction des réadmissions")
    client.force_login(researcher)
    assert submit(client, project).status_code == 302
    assert current_state(project).status == WorkflowState.STATUS_IN_PROGRESS
    mailoutbox.clear()  # Wagtail tells the moderators of the submission.

    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        response = decide(client, project, "reject", "Précisez les jeux de données.")
    assert response.status_code == 302
    assert current_state(project).status == WorkflowState.STATUS_NEEDS_CHANGES
    # One message, ours (Wagtail's own notice for the submitter is replaced).
    assert [message.to for message in mailoutbox] == [[researcher.email]]
    rejection = mailoutbox[0]
    assert "modifications demandées" in rejection.subject
    assert "Précisez les jeux de données." in rejection.body
    assert reverse("contribution:project_edit", args=[project.pk]) in rejection.body

    client.force_login(researcher)
    page = client.get(reverse("contribution:my_projects")).content.decode()
    assert "refusé : modifications demandées" in page
    assert "Précisez les jeux de données." in page
    assert submit(client, project).status_code == 302
    assert current_state(project).status == WorkflowState.STATUS_IN_PROGRESS
    mailoutbox.clear()

    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        decide(client, project, "approve")
    project.refresh_from_db()
    assert project.live
    approvals = [m for m in mailoutbox if m.to == [researcher.email]]
    assert len(approvals) == 1
    assert "est approuvé" in approvals[0].subject
    assert project.get_absolute_url() in approvals[0].body
    assert client.get(project.get_absolute_url()).status_code == 200


def test_fictional_authors_are_never_emailed(
    client, researcher, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    researcher.person.is_fictional = True
    researcher.person.save(update_fields=["is_fictional"])
    project = owned_project(researcher)
    client.force_login(researcher)
    submit(client, project)
    mailoutbox.clear()

    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        decide(client, project, "reject", "Non.")

    assert mailoutbox == []


def test_a_project_in_moderation_cannot_be_edited_or_resubmitted_by_its_author(
    client, researcher
):
    project = owned_project(researcher)
    client.force_login(researcher)
    submit(client, project)
    edit_url = reverse("contribution:project_edit", args=[project.pk])

    page = client.get(edit_url).content.decode()
    assert "en cours de modération" in page
    assert submit(client, project).status_code == 302
    assert WorkflowState.objects.filter(object_id=str(project.pk)).count() == 1, (
        "a second submission would start a second workflow"
    )


def test_the_author_withdraws_a_submission_to_edit_again(client, researcher):
    project = owned_project(researcher)
    client.force_login(researcher)
    submit(client, project)

    response = client.post(reverse("contribution:project_withdraw", args=[project.pk]))

    assert response.status_code == 302
    assert current_state(project) is None
    project.refresh_from_db()
    assert project.get_lock() is None


def test_nothing_to_submit_when_the_published_version_is_current(client, researcher):
    project = owned_project(researcher, live=True)
    client.force_login(researcher)

    response = client.post(
        reverse("contribution:project_submit", args=[project.pk]), follow=True
    )

    assert "Rien à soumettre" in response.content.decode()
    assert current_state(project) is None


def test_an_owner_deletes_a_draft_but_not_a_published_project(client, researcher):
    draft = owned_project(researcher)
    published = owned_project(researcher, live=True)
    client.force_login(researcher)

    delete = "contribution:project_delete"
    assert client.get(reverse(delete, args=[draft.pk])).status_code == 200
    assert client.post(reverse(delete, args=[draft.pk])).status_code == 302
    assert not Project.objects.filter(pk=draft.pk).exists()
    assert client.post(reverse(delete, args=[published.pk])).status_code == 403
    assert Project.objects.filter(pk=published.pk).exists()
