"""What stays in the Wagtail admin for moderators: scheduled publication and the
comparison of revisions."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Revision

from projects.models import Project
from tests.contribution.conftest import owned_project
from tests.portal.test_admin_moderation import project_form

pytestmark = pytest.mark.django_db


def admin_form(project: Project, **overrides) -> dict:
    draft = project.get_latest_revision_as_object()
    return project_form(
        draft.lead_organisation,
        draft.lead_team,
        title=draft.title,
        acronym=draft.acronym,
        slug=draft.slug,
        **overrides,
    )


def test_moderator_schedules_publication_which_publish_scheduled_carries_out(
    client, researcher, moderator, monkeypatch
):
    project = owned_project(researcher, title="Publication programmée")
    go_live = timezone.now() + datetime.timedelta(days=2)
    client.force_login(moderator)

    response = client.post(
        reverse("wagtailsnippets_projects_project:edit", args=[project.pk]),
        admin_form(
            project,
            go_live_at=go_live.strftime("%Y-%m-%d %H:%M"),
            **{"action-publish": "1"},
        ),
    )

    assert response.status_code == 302
    project.refresh_from_db()
    assert not project.live
    assert Revision.objects.filter(
        object_id=str(project.pk), approved_go_live_at__isnull=False
    ).exists()
    call_command("publish_scheduled")
    project.refresh_from_db()
    assert not project.live, "published before its date"

    # Three days later, the periodic command publishes it.
    later = timezone.now() + datetime.timedelta(days=3)
    monkeypatch.setattr(timezone, "now", lambda: later)
    call_command("publish_scheduled")

    project.refresh_from_db()
    assert project.live
    assert client.get(project.get_absolute_url()).status_code == 200


def test_moderator_compares_two_revisions_in_the_admin(
    client, researcher, moderator, other_researcher
):
    project = owned_project(researcher, title="Première version")
    first = project.latest_revision
    draft = project.get_latest_revision_as_object()
    draft.title = "Seconde version"
    second = draft.save_revision(user=researcher)
    url = reverse(
        "wagtailsnippets_projects_project:revisions_compare",
        args=[project.pk, first.pk, second.pk],
    )

    client.force_login(moderator)
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    # The title's diff: the word taken out and the word put in.
    assert "Première" in html and "Seconde" in html

    # Researchers have no access to the admin.
    client.force_login(other_researcher)
    assert client.get(url).status_code in (302, 403)
