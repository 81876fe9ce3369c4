"""People in each role, and projects in each state, for the researchers' space."""

import pytest
from django.contrib.auth.models import Group

from portal.celery import app as celery_app
from projects.models import Project, ProjectMember
from tests.factories import PersonFactory, ProjectFactory

PASSWORD = "x-test-pass-1234"


@pytest.fixture(autouse=True)
def eager_celery(monkeypatch):
    """Run tasks in-process whatever broker the environment names."""
    monkeypatch.setattr(celery_app.conf, "task_always_eager", True)


@pytest.fixture
def make_user(django_user_model):
    def make(username: str, *groups: str, superuser: bool = False, person=True):
        user = django_user_model.objects.create_user(
            username=username,
            email=f"{username}@example.org",
            password=PASSWORD,
            is_superuser=superuser,
            is_staff=superuser,
        )
        for name in groups:
            user.groups.add(Group.objects.get_or_create(name=name)[0])
        if person:
            PersonFactory(user=user, email=user.email)
        return user

    return make


@pytest.fixture
def researcher(make_user):
    return make_user("chercheuse", "Researchers")


@pytest.fixture
def other_researcher(make_user):
    return make_user("autre-chercheur", "Researchers")


@pytest.fixture
def moderator(make_user):
    return make_user("moderatrice", "Moderators", person=False)


def owned_project(owner, *, live: bool = False, **fields) -> Project:
    """A project owned by `owner`, with a first revision like a real save."""
    project = ProjectFactory(live=live, owner=owner, **fields)
    project = Project.objects.get(pk=project.pk)
    revision = project.save_revision(user=owner)
    if live:
        revision.publish()
    return Project.objects.get(pk=project.pk)


def add_member(project: Project, user) -> Project:
    ProjectMember.objects.create(
        project=project, person=user.person, role=ProjectMember.Role.ENGINEER
    )
    project = Project.objects.get(pk=project.pk)
    project.save_revision(user=user)
    return Project.objects.get(pk=project.pk)
