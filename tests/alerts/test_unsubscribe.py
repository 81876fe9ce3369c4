"""One-click unsubscribe: signed links, a confirmation on GET, the change on POST,
RFC 8058 headers; a bad signature changes nothing."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client

from search.alerts.digest import digests_send
from search.alerts.models import Follow, SavedSearch
from search.alerts.tokens import unsubscribe_path
from tests.alerts.conftest import ONE_DAY, saved_search
from tests.factories import ProjectFactory, TeamFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def alerts(make_user, now, settings):
    settings.ELASTICSEARCH_URL = ""
    user = make_user()
    recent = now - datetime.timedelta(hours=2)
    team = TeamFactory()
    ProjectFactory(lead_team=team, first_published_at=recent, last_published_at=recent)
    search = saved_search(user, "", since=now - ONE_DAY)
    follow = Follow.objects.create(
        user=user,
        content_type=ContentType.objects.get_for_model(team),
        object_id=team.pk,
        last_sent_at=now - ONE_DAY,
    )
    return user, search, follow


def test_get_only_confirms(client, alerts):
    _user, search, _follow = alerts
    response = client.get(unsubscribe_path(kind="search", pk=search.pk))
    assert response.status_code == 200
    assert "Confirmer le désabonnement" in response.content.decode()
    search.refresh_from_db()
    assert search.active


def test_post_deactivates_only_that_alert(alerts):
    _user, search, follow = alerts
    # A mail client posts without cookies or CSRF token (RFC 8058).
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        unsubscribe_path(kind="search", pk=search.pk),
        {"List-Unsubscribe": "One-Click"},
    )
    assert response.status_code == 200
    search.refresh_from_db()
    follow.refresh_from_db()
    assert not search.active and follow.active


def test_the_all_link_deactivates_every_alert_of_that_user(alerts, make_user, now):
    user, search, follow = alerts
    someone_else = saved_search(make_user(), "", since=now)
    Client().post(unsubscribe_path(kind="user", pk=user.pk))
    assert not SavedSearch.objects.get(pk=search.pk).active
    assert not Follow.objects.get(pk=follow.pk).active
    assert SavedSearch.objects.get(pk=someone_else.pk).active


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_bad_signature_is_refused_and_changes_nothing(client, alerts, method):
    _user, search, _follow = alerts
    good = unsubscribe_path(kind="search", pk=search.pk)
    forged = good.rstrip("/")[:-3] + "abc/"
    other_salt = "/alertes/desabonnement/WyJzZWFyY2giLCAxXQ:1tXYZ:abcdef/"
    for url in (forged, other_salt):
        response = getattr(client, method)(url)
        assert response.status_code == 400
    search.refresh_from_db()
    assert search.active


def test_digest_links_and_headers_unsubscribe(alerts, now, mailoutbox):
    user, search, follow = alerts
    assert digests_send(now=now).sent == 1
    message = mailoutbox[0]
    all_url = "http://127.0.0.1:8000" + unsubscribe_path(kind="user", pk=user.pk)
    assert message.extra_headers["List-Unsubscribe"] == f"<{all_url}>"
    assert (
        message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    )
    follow_link = unsubscribe_path(kind="follow", pk=follow.pk)
    assert follow_link in message.body
    html = message.alternatives[0][0]
    assert follow_link in html and all_url in html

    Client().post(follow_link)
    follow.refresh_from_db()
    assert not follow.active


def test_a_removed_alert_is_reported_as_gone(client, alerts):
    _user, search, _follow = alerts
    path = unsubscribe_path(kind="search", pk=search.pk)
    search.delete()
    response = client.get(path)
    assert response.status_code == 200
    assert "n’existe plus" in response.content.decode()
