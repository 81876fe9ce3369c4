"""In the admin, evaluations are edited freely except their status, which moves
only through the "Étapes" view (and so through the state machine)."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from projects.evaluations.roles import EVALUATORS_GROUP
from registry.models import Evaluation
from tests.evaluations.conftest import requested_evaluation

pytestmark = pytest.mark.django_db

Status = Evaluation.Status
EDIT = "wagtailsnippets_registry_evaluation:edit"
ADD = "wagtailsnippets_registry_evaluation:add"


@pytest.fixture
def admin_moderator(moderator):
    moderator.is_staff = True
    moderator.save()
    access = Permission.objects.get(codename="access_admin")
    moderator.user_permissions.add(access)
    for action in ("add", "change", "view"):
        moderator.user_permissions.add(
            Permission.objects.get(codename=f"{action}_evaluation")
        )
    return moderator


@pytest.fixture
def admin_evaluator(evaluator):
    # portal_defaults_ensure gives the group these; a flushed database may not have run it.
    group = Group.objects.get(name=EVALUATORS_GROUP)
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_evaluation"),
        Permission.objects.get(codename="change_evaluation"),
    )
    return evaluator


def edit_form(evaluation, **overrides) -> dict:
    data = {
        "reference": evaluation.reference,
        "model_version": evaluation.model_version,
        "project": evaluation.project_id,
        "evaluator": evaluation.evaluator_id,
        "intended_use": "",
        "contact_email": "",
        "verdict": "",
        "scores": inline_formset([]),
        "summary": "",
        "report_document": "",
        "report_url": "",
    }
    data.update(overrides)
    return nested_form_data(data)


def test_the_edit_form_cannot_change_the_status(client, admin_moderator, project):
    evaluation = requested_evaluation(project)
    client.force_login(admin_moderator)
    url = reverse(EDIT, args=[evaluation.pk])
    page = client.get(url).content.decode()
    assert 'name="status"' not in page and 'name="published_on"' not in page
    assert reverse("evaluation_steps", args=[evaluation.pk]) in page

    response = client.post(
        url,
        edit_form(
            evaluation,
            model_version="3.0",
            status="published",
            published_on="2026-01-01",
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    evaluation.refresh_from_db()
    assert evaluation.model_version == "3.0"
    assert evaluation.status == Status.REQUESTED and evaluation.published_on is None


def test_an_evaluation_created_in_the_admin_starts_as_requested(
    client, admin_moderator, project
):
    client.force_login(admin_moderator)
    evaluation = requested_evaluation(project)  # for its project and evaluator
    response = client.post(
        reverse(ADD),
        edit_form(evaluation, reference="inesia-2026-0100", status="published"),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    created = Evaluation.objects.get(reference="inesia-2026-0100")
    assert created.status == Status.REQUESTED
    step = created.transitions.get()
    assert (step.action, step.by) == ("request", admin_moderator)


def test_steps_view_assign_then_start(
    client, admin_moderator, admin_evaluator, project
):
    evaluation = requested_evaluation(project)
    url = reverse("evaluation_steps", args=[evaluation.pk])

    client.force_login(admin_moderator)
    page = client.get(url).content.decode()
    assert "Assigner" in page and "Commencer" not in page
    response = client.post(
        url, {"step": "assign", "assignee": admin_evaluator.pk, "comment": "Urgent"}
    )
    assert response.status_code == 302
    evaluation.refresh_from_db()
    assert evaluation.assigned_to == admin_evaluator

    client.force_login(admin_evaluator)
    page = client.get(url).content.decode()
    assert "Urgent" in page and "Moderatrice" in page  # the recorded step
    response = client.post(url, {"step": Status.IN_PROGRESS})
    assert response.status_code == 302
    evaluation.refresh_from_db()
    assert evaluation.status == Status.IN_PROGRESS

    # Completing without a verdict: the errors are shown, nothing changes.
    response = client.post(url, {"step": Status.COMPLETED})
    assert response.status_code == 200
    assert "Indiquez l’avis." in response.content.decode()
    evaluation.refresh_from_db()
    assert evaluation.status == Status.IN_PROGRESS


def test_a_step_not_offered_to_the_user_is_refused(client, admin_evaluator, project):
    evaluation = requested_evaluation(project)
    client.force_login(admin_evaluator)
    url = reverse("evaluation_steps", args=[evaluation.pk])
    response = client.post(url, {"step": Status.PUBLISHED})
    assert response.status_code == 200  # the choice is not among the form's
    evaluation.refresh_from_db()
    assert evaluation.status == Status.REQUESTED


def test_steps_view_is_closed_to_others(client, researcher, project):
    evaluation = requested_evaluation(project)
    url = reverse("evaluation_steps", args=[evaluation.pk])
    assert client.get(url).status_code == 302  # to the admin's login
    client.force_login(researcher)
    assert client.get(url).status_code in (302, 403)
    assert client.post(url, {"step": "in_progress"}).status_code in (302, 403)
    evaluation.refresh_from_db()
    assert evaluation.status == Status.REQUESTED


def test_the_listing_links_each_evaluation_to_its_steps(
    client, admin_moderator, project
):
    evaluation = requested_evaluation(project)
    client.force_login(admin_moderator)
    page = client.get(reverse("wagtailsnippets_registry_evaluation:list")).content
    assert reverse("evaluation_steps", args=[evaluation.pk]).encode() in page


def test_defaults_let_inesia_evaluators_work_in_the_admin():
    from portal.core.roles import roles_ensure

    roles_ensure()
    codenames = set(
        Group.objects.get(name=EVALUATORS_GROUP).permissions.values_list(
            "codename", flat=True
        )
    )
    assert {"access_admin", "view_evaluation", "change_evaluation"} <= codenames
    assert "delete_evaluation" not in codenames


def test_evaluators_edit_only_their_evaluations_until_the_verdict(
    client, admin_evaluator, other_evaluator, project, criteria
):
    mine = requested_evaluation(
        project, status=Status.IN_PROGRESS, assigned_to=admin_evaluator
    )
    theirs = requested_evaluation(
        project, status=Status.IN_PROGRESS, assigned_to=other_evaluator
    )
    done = requested_evaluation(
        project,
        status=Status.COMPLETED,
        verdict="favourable",
        assigned_to=admin_evaluator,
    )
    client.force_login(admin_evaluator)
    assert client.get(reverse(EDIT, args=[mine.pk])).status_code == 200
    # Wagtail answers a refusal with a redirect to the admin's home and a message.
    for refused in (theirs, done):
        response = client.get(reverse(EDIT, args=[refused.pk]))
        assert (response.status_code, response["Location"]) == (302, "/admin/")
    response = client.post(
        reverse(EDIT, args=[theirs.pk]), edit_form(theirs, model_version="9.9")
    )
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    theirs.refresh_from_db()
    assert theirs.model_version != "9.9"
