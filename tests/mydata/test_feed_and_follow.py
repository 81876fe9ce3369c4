"""A source's Atom feed and its follow: published projects only, and new ones in the
follower's digest."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from search.alerts.digest import digests_send
from search.alerts.models import Follow
from tests.factories import ProjectDatasetFactory, ProjectFactory
from tests.mydata.scene import make_scene

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(autouse=True)
def database_search(settings):
    settings.ELASTICSEARCH_URL = ""


def test_feed_lists_published_projects_using_the_source(client):
    scene = make_scene()
    response = client.get(f"/mes-donnees/{scene.warehouse.slug}/flux.atom")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    titles = {entry.find(f"{ATOM}title").text for entry in feed.iter(f"{ATOM}entry")}
    assert titles == {str(scene.published), str(scene.authorised)}
    summaries = [e.find(f"{ATOM}summary").text for e in feed.iter(f"{ATOM}entry")]
    assert "Prédire le sepsis six heures plus tôt." in summaries
    assert "EDS CHU de Bordeaux" in feed.find(f"{ATOM}title").text
    assert client.get("/mes-donnees/inconnue/flux.atom").status_code == 404


def test_english_feed_address(client):
    scene = make_scene()
    response = client.get(f"/en/my-data/{scene.snds.slug}/flux.atom")
    assert response.status_code == 200
    assert "Parcours de soins du diabète" in response.content.decode()


def test_follow_from_the_page_and_receive_new_projects_in_the_digest(
    client, django_user_model, mailoutbox
):
    scene = make_scene()
    user = django_user_model.objects.create_user(
        username="citoyenne", email="citoyenne@example.org", password="x-test-pass-1"
    )
    client.force_login(user)
    page = client.get(f"/mes-donnees/{scene.warehouse.slug}/").content.decode()
    assert 'name="target_type" value="dataset"' in page
    response = client.post(
        "/suivre/",
        {
            "target_type": "dataset",
            "target_id": scene.warehouse.pk,
            "action": "follow",
            "next": f"/mes-donnees/{scene.warehouse.slug}/",
        },
    )
    assert response.status_code == 302
    follow = Follow.objects.get(
        user=user, content_type=ContentType.objects.get_for_model(scene.warehouse)
    )
    now = timezone.now() + datetime.timedelta(hours=1)
    since = now - datetime.timedelta(days=1)
    Follow.objects.filter(pk=follow.pk).update(last_sent_at=since)
    fresh = ProjectFactory(
        title="Nouveau projet sur l’entrepôt",
        first_published_at=now - datetime.timedelta(hours=2),
    )
    ProjectDatasetFactory(project=fresh, dataset=scene.warehouse)
    draft = ProjectFactory(title="Brouillon sur l’entrepôt", live=False)
    ProjectDatasetFactory(project=draft, dataset=scene.warehouse)

    assert digests_send(now=now).sent == 1
    body = mailoutbox[0].body
    assert fresh.get_absolute_url() in body
    assert "Brouillon sur l’entrepôt" not in body
