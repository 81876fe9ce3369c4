"""Permission matrix: role × action × ownership, asserted through the real views
(the researchers' space, the public page and the Wagtail admin's moderation
button) by status code and by what changed in the database.

"own" is the project the role's user created, or, for the member, a project whose
member list names them; "other's" is a project created by a third researcher.
"""

from typing import NamedTuple

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import reverse
from wagtail.models import WorkflowState

from projects.models import Project
from tests.contribution.conftest import add_member, owned_project
from tests.contribution.forms_data import edit_payload

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "owner",
    "member",
    "other_researcher",
    "moderator",
    "evaluator",
    "administrator",
]
ACTIONS = ["view_public", "view_draft", "edit", "submit", "approve", "delete"]

# Who may act on the projects they contribute to, and who on every project.
CONTRIBUTORS = {"owner", "member", "other_researcher", "evaluator"}
EVERYWHERE = {"moderator", "administrator"}


def expected(role: str, action: str, ownership: str) -> bool:
    if action == "view_public":
        return True
    if role in EVERYWHERE:
        return True
    if role == "anonymous" or ownership == "other" or action == "approve":
        return False
    if action == "delete":
        # Deleting a never-published project belongs to its owner, not members.
        return role != "member"
    return role in CONTRIBUTORS


CASES = [
    (role, action, ownership, expected(role, action, ownership))
    for role in ROLES
    for action in ACTIONS
    for ownership in (["other"] if role == "anonymous" else ["own", "other"])
]


class Outcome(NamedTuple):
    response: object
    happened: bool

    @property
    def status(self) -> int:
        return self.response.status_code


@pytest.fixture
def people(make_user):
    return {
        "owner": make_user("proprietaire", "Researchers"),
        "member": make_user("membre", "Researchers"),
        "other_researcher": make_user("autre", "Researchers"),
        "moderator": make_user("moderation", "Moderators", person=False),
        "evaluator": make_user("evaluatrice", "INESIA evaluators"),
        "administrator": make_user(
            "administratrice", "Administrators", superuser=True, person=False
        ),
        "third": make_user("tierce", "Researchers"),
    }


def the_project(people, role: str, ownership: str, *, live: bool) -> Project:
    if ownership == "other" or role == "member":
        project = owned_project(people["third"], live=live, title="Projet visé")
    else:
        project = owned_project(people[role], live=live, title="Projet visé")
    if ownership == "own" and role == "member":
        project = add_member(project, people["member"])
    return project


def act(client, action: str, project: Project) -> Outcome:
    pk = project.pk
    if action == "view_public":
        response = client.get(project.get_absolute_url())
        return Outcome(response, response.status_code == 200)
    if action == "view_draft":
        response = client.get(reverse("contribution:project_preview", args=[pk]))
        shown = response.status_code == 200 and "Brouillon secret" in (
            response.content.decode()
        )
        return Outcome(response, shown)
    if action == "edit":
        before = project.revisions.count()
        response = client.post(
            reverse("contribution:project_edit", args=[pk]),
            edit_payload(project, title="Titre modifié"),
        )
        return Outcome(response, project.revisions.count() > before)
    if action == "submit":
        response = client.post(reverse("contribution:project_submit", args=[pk]))
        state = Project.objects.get(pk=pk).current_workflow_state
        submitted = state is not None and state.status == state.STATUS_IN_PROGRESS
        return Outcome(response, submitted)
    if action == "approve":
        task_state = project.current_workflow_task_state
        response = client.post(
            reverse(
                "wagtailsnippets_projects_project:workflow_action",
                args=[pk, "approve", task_state.pk],
            ),
            {"comment": ""},
        )
        return Outcome(response, Project.objects.get(pk=pk).live)
    if action == "delete":
        response = client.post(reverse("contribution:project_delete", args=[pk]))
        return Outcome(response, not Project.objects.filter(pk=pk).exists())
    raise AssertionError(action)


def prepare(people, role: str, action: str, ownership: str) -> Project:
    project = the_project(people, role, ownership, live=action == "view_public")
    if action == "view_draft":
        draft = project.get_latest_revision_as_object()
        draft.title = "Brouillon secret"
        draft.save_revision(user=draft.owner)
    if action == "approve":
        project.get_workflow().start(project, project.owner)
        project = Project.objects.get(pk=project.pk)
        assert project.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    return project


@pytest.mark.parametrize(("role", "action", "ownership", "allowed"), CASES)
def test_permission_matrix(client, people, role, action, ownership, allowed):
    project = prepare(people, role, action, ownership)
    if role != "anonymous":
        client.force_login(people[role])

    outcome = act(client, action, project)

    assert outcome.happened is allowed
    if allowed:
        assert outcome.status in (200, 302)
    elif role == "anonymous":
        # Sent to log in: the portal's page, or the admin's for moderation.
        assert outcome.status == 302
        admin_login = getattr(settings, "WAGTAILADMIN_LOGIN_URL", "/admin/login/")
        login = resolve_url(admin_login if action == "approve" else settings.LOGIN_URL)
        assert outcome.response["Location"].startswith(login)
    elif action == "approve":
        # Researchers and evaluators never reach the moderation button.
        assert outcome.status in (302, 403)
    elif ownership == "other":
        # Someone else's unpublished project does not exist for them.
        assert outcome.status == 404
    else:
        assert outcome.status == 403


def test_the_matrix_covers_every_role_action_and_ownership():
    assert len(CASES) == len(ACTIONS) * (2 * (len(ROLES) - 1) + 1)
    allowed = [case for case in CASES if case[3]]
    denied = [case for case in CASES if not case[3]]
    assert allowed and denied
