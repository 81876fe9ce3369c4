"""Each group has exactly the admin permissions intended (the table in roles.py)."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from portal.core.roles import (
    ADMINISTRATORS,
    EDITORS,
    EVALUATORS,
    MODERATORS,
    RESEARCHERS,
    roles_ensure,
    user_is_staff_member,
)
from tests.accounts.conftest import account

pytestmark = pytest.mark.django_db

ACTIONS = {
    "access admin": "wagtailadmin.access_admin",
    "edit organisation": "registry.change_organisation",
    "edit evaluation": "registry.change_evaluation",
    "publish project": "projects.publish_project",
    "review ORCID claims": "accounts.review_personclaim",
}
TABLE = {
    #                 admin  organisation evaluation publish claims
    RESEARCHERS: (False, False, False, False, False),
    EDITORS: (True, False, False, False, False),
    MODERATORS: (True, True, True, True, True),
    EVALUATORS: (True, False, True, False, False),
    ADMINISTRATORS: (True, True, True, True, True),
}


@pytest.mark.parametrize("group", TABLE)
def test_permission_table(django_user_model, group):
    user = account(django_user_model, "membre@example.org", group)
    allowed = {action: user.has_perm(codename) for action, codename in ACTIONS.items()}
    assert allowed == dict(zip(ACTIONS, TABLE[group], strict=True))


def test_evaluators_get_evaluations_and_nothing_else():
    permissions = Group.objects.get(name=EVALUATORS).permissions.values_list(
        "content_type__app_label", "codename"
    )
    assert sorted(permissions) == sorted(
        [("wagtailadmin", "access_admin")]
        + [("registry", "change_evaluation"), ("registry", "view_evaluation")]
        + [
            ("registry", f"{action}_evaluationscore")
            for action in ("add", "change", "delete", "view")
        ]
    )


def test_researchers_have_no_permission_at_all():
    assert not Group.objects.get(name=RESEARCHERS).permissions.exists()


def test_roles_are_idempotent_and_keep_the_existing_moderation():
    before = {
        group.name: set(group.permissions.values_list("pk", flat=True))
        for group in Group.objects.all()
    }
    roles_ensure()
    roles_ensure()
    after = {
        group.name: set(group.permissions.values_list("pk", flat=True))
        for group in Group.objects.all()
    }
    assert before == after
    moderators = Group.objects.get(name=MODERATORS).permissions
    assert moderators.filter(codename="lock_project").exists()
    editors = Group.objects.get(name=EDITORS).permissions
    assert editors.filter(codename="change_project").exists()
    assert not editors.filter(codename="publish_project").exists()


def test_admin_screens_follow_the_roles(client, django_user_model):
    evaluations = reverse("wagtailsnippets_registry_evaluation:list")
    organisations = reverse("wagtailsnippets_registry_organisation:list")

    client.force_login(account(django_user_model, "r@example.org", RESEARCHERS))
    assert client.get("/admin/").status_code == 302

    client.force_login(account(django_user_model, "e@example.org", EVALUATORS))
    assert client.get("/admin/").status_code == 200
    assert client.get(evaluations).status_code == 200
    assert client.get(organisations).status_code == 302

    client.force_login(account(django_user_model, "m@example.org", MODERATORS))
    assert client.get(organisations).status_code == 200
    assert client.get(reverse("accounts_admin:claim_queue")).status_code == 200


def test_staff_members(django_user_model):
    assert not user_is_staff_member(
        account(django_user_model, "r@example.org", RESEARCHERS)
    )
    for index, group in enumerate((MODERATORS, EVALUATORS, ADMINISTRATORS)):
        user = account(django_user_model, f"s{index}@example.org", group)
        assert user_is_staff_member(user)
