"""Publishing a project e-mails its members, through the signal, task and service."""

import pytest

from portal.celery import app as celery_app
from projects.models import Project, ProjectMember
from projects.notifications import project_publication_notify_members
from tests.factories import PersonFactory, ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def eager_celery(monkeypatch):
    """Run tasks in-process whatever broker the environment names."""
    monkeypatch.setattr(celery_app.conf, "task_always_eager", True)


def draft_project_with_member(*, email: str) -> Project:
    project = ProjectFactory(live=False, title="Détection précoce de l’insuffisance")
    ProjectMember.objects.create(
        project=project,
        person=PersonFactory(email=email),
        role=ProjectMember.Role.PRINCIPAL_INVESTIGATOR,
    )
    # A fresh instance, so the revision serialises the member just created.
    return Project.objects.get(pk=project.pk)


def test_publishing_emails_each_member_with_an_address(
    django_capture_on_commit_callbacks, mailoutbox, settings
):
    settings.WAGTAILADMIN_BASE_URL = "https://registre.example.fr"
    project = draft_project_with_member(email="camille@example.org")
    ProjectMember.objects.create(
        project=project,
        person=PersonFactory(email=""),
        role=ProjectMember.Role.ENGINEER,
    )
    project = Project.objects.get(pk=project.pk)

    with django_capture_on_commit_callbacks(execute=True):
        project.save_revision().publish()

    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["camille@example.org"]
    assert "est publié" in message.subject
    assert project.title in message.body
    assert f"https://registre.example.fr/projets/{project.slug}/" in message.body


def test_saving_a_draft_sends_nothing(django_capture_on_commit_callbacks, mailoutbox):
    project = draft_project_with_member(email="camille@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        project.save_revision()

    assert mailoutbox == []


def test_a_project_no_longer_public_gets_no_mail(mailoutbox):
    project = draft_project_with_member(email="camille@example.org")

    assert project_publication_notify_members(project_id=project.pk) == 0
    assert mailoutbox == []


def test_fictional_people_are_never_written_to(mailoutbox):
    project = ProjectFactory(live=True)
    for fictional in (True, False):
        ProjectMember.objects.create(
            project=project,
            person=PersonFactory(
                email=f"membre-{fictional}@example.org", is_fictional=fictional
            ),
            role=ProjectMember.Role.ENGINEER,
        )
    assert project_publication_notify_members(project_id=project.pk) == 1
    assert mailoutbox[0].to == ["membre-False@example.org"]
