"""Calls for collaboration: who sees them, who edits them, and the list's filters."""

import datetime

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.shortcuts import resolve_url

from projects.collaboration.models import CollaborationCall
from search.matching.signals import open_calls_load
from tests.factories import (
    MembershipFactory,
    PersonFactory,
    ProjectFactory,
    TeamFactory,
    domain,
    technique,
)
from tests.matching.calls import CallFactory

pytestmark = pytest.mark.django_db

YESTERDAY = datetime.date.today() - datetime.timedelta(days=1)


@pytest.fixture
def calls():
    team = TeamFactory(name="Cardiologie interventionnelle")
    published = ProjectFactory(title="Projet publié")
    unpublished = ProjectFactory(title="Projet non publié", live=False)
    return {
        "team": CallFactory(
            team=team,
            title="Recherche partenaire clinique en cardiologie",
            domains=[domain("cardiologie")],
        ),
        "project": CallFactory(
            project=published,
            title="Cherche experts du traitement des langues",
            techniques=[technique("tal")],
        ),
        "draft": CallFactory(team=team, title="Brouillon secret", status="draft"),
        "closed": CallFactory(team=team, title="Appel clos secret", status="closed"),
        "expired": CallFactory(team=team, title="Appel expiré", deadline=YESTERDAY),
        "unpublished": CallFactory(project=unpublished, title="Appel d’un brouillon"),
    }


def test_only_open_calls_of_teams_and_published_projects_are_visible(client, calls):
    response = client.get("/appels/")

    assert response.status_code == 200
    html = response.content.decode()
    assert calls["team"].title in html and calls["project"].title in html
    for hidden in ("draft", "closed", "expired", "unpublished"):
        assert calls[hidden].title not in html
        assert client.get(calls[hidden].get_absolute_url()).status_code == 404
    assert client.get(calls["team"].get_absolute_url()).status_code == 200
    # Matching reads the same visible calls, and nothing else.
    assert {c.pk for c in open_calls_load()} == {
        calls["team"].pk,
        calls["project"].pk,
    }


def test_unpublishing_a_project_hides_its_call(client, calls):
    project = calls["project"].project
    project.live = False
    project.save(update_fields=["live"])

    assert calls["project"].title not in client.get("/appels/").content.decode()
    assert client.get(calls["project"].get_absolute_url()).status_code == 404


def test_list_filters_by_words_domain_and_owner(client, calls):
    by_words = client.get("/appels/", {"q": "langues experts"}).context["calls"]
    assert [c.pk for c in by_words] == [calls["project"].pk]
    by_domain = client.get("/appels/", {"domains": [domain("cardiologie").pk]}).context[
        "calls"
    ]
    assert [c.pk for c in by_domain] == [calls["team"].pk]
    by_owner = client.get("/appels/", {"owner": "project"}).context["calls"]
    assert [c.pk for c in by_owner] == [calls["project"].pk]
    assert client.get("/appels/", {"domains": ["999999"]}).status_code == 400
    english = client.get("/en/appels/").content.decode()
    assert "Calls for collaboration" in english and "Filter the calls" in english


def test_team_and_project_pages_show_their_open_calls_only(client, calls):
    team_html = client.get(calls["team"].team.get_absolute_url()).content.decode()
    assert calls["team"].title in team_html
    assert "Brouillon secret" not in team_html and "Appel clos" not in team_html
    project_html = client.get(
        calls["project"].project.get_absolute_url()
    ).content.decode()
    assert calls["project"].title in project_html


def member_of(django_user_model, team):
    user = django_user_model.objects.create_user(
        username="membre", email="membre@example.org", password="x-test-pass-1234"
    )
    MembershipFactory(person=PersonFactory(user=user), team=team)
    return user


def test_writing_a_call_needs_a_login(client):
    response = client.get("/appels/nouveau/")
    assert response.status_code == 302
    assert response["Location"].startswith(resolve_url(settings.LOGIN_URL))


def test_a_member_publishes_and_edits_a_call_for_their_team(client, django_user_model):
    team = TeamFactory()
    other = TeamFactory()
    user = member_of(django_user_model, team)
    client.force_login(user)

    form = client.get("/appels/nouveau/")
    assert f"team:{team.pk}" in form.content.decode()
    assert f"team:{other.pk}" not in form.content.decode()
    refused = client.post(
        "/appels/nouveau/",
        {"owner": f"team:{other.pk}", "title": "Pirate", "text": "x" * 40},
    )
    assert refused.status_code == 400
    assert not CollaborationCall.objects.exists()

    short = client.post(
        "/appels/nouveau/",
        {"owner": f"team:{team.pk}", "title": "Trop court", "text": "  court  "},
    )
    assert short.status_code == 400
    assert "30 caractères" in short.content.decode()
    assert 'aria-describedby="id_text-erreurs"' in short.content.decode()

    created = client.post(
        "/appels/nouveau/",
        {
            "owner": f"team:{team.pk}",
            "title": "Recherche partenaire clinique",
            "text": "Une équipe clinique pour valider un modèle en cardiologie.",
            "domains": [domain("cardiologie").pk],
            "status": "open",
        },
    )
    assert created.status_code == 302
    call = CollaborationCall.objects.get()
    assert call.team == team and call.created_by == user
    assert list(call.domains.all()) == [domain("cardiologie")]

    edited = client.post(
        f"/appels/{call.slug}/modifier/",
        {"title": "Appel clos", "text": call.text, "status": "closed"},
    )
    assert edited.status_code == 302
    call.refresh_from_db()
    assert call.status == "closed" and call.team == team
    assert client.get(call.get_absolute_url()).status_code == 404


def test_only_members_and_moderators_edit_a_call(client, django_user_model, moderator):
    call = CallFactory(team=TeamFactory())
    stranger = member_of(django_user_model, TeamFactory())
    client.force_login(stranger)
    assert client.get(f"/appels/{call.slug}/modifier/").status_code == 403
    assert (
        client.post(
            f"/appels/{call.slug}/modifier/",
            {"title": "Vandalisme", "text": "x" * 40, "status": "open"},
        ).status_code
        == 403
    )
    call.refresh_from_db()
    assert call.title != "Vandalisme"

    client.force_login(moderator)
    assert client.get(f"/appels/{call.slug}/modifier/").status_code == 200


def test_moderators_manage_calls_in_the_admin(client, moderator):
    call = CallFactory(team=TeamFactory())
    assert Group.objects.get(name="Moderators").permissions.filter(
        codename="change_collaborationcall"
    )
    client.force_login(moderator)
    listing = client.get("/admin/snippets/collaboration/collaborationcall/")
    assert listing.status_code == 200 and call.title in listing.content.decode()
    edit = client.get(
        f"/admin/snippets/collaboration/collaborationcall/edit/{call.pk}/"
    )
    assert edit.status_code == 200
    contacts = client.get("/admin/snippets/collaboration/contactrequest/")
    assert contacts.status_code == 200


def test_queries_of_the_call_list_do_not_grow_with_the_calls(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/appels/").status_code == 200
        return len(captured)

    for _ in range(2):
        CallFactory(
            project=ProjectFactory(),
            domains=[domain("cardiologie")],
            techniques=[technique("tal")],
        )
    queries()  # the first request fills per-process caches (site, settings)
    few = queries()
    for _ in range(12):
        CallFactory(
            team=TeamFactory(),
            domains=[domain("oncologie")],
            techniques=[technique("tal")],
        )
    assert queries() == few
