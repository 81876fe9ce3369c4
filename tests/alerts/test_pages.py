"""The save button on /recherche/, the follow buttons, and "Mes alertes"."""

from urllib.parse import parse_qs

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from search.alerts.models import Follow, SavedSearch
from tests.factories import DatasetFactory, ProjectFactory, TeamFactory

pytestmark = pytest.mark.django_db
NEW_SEARCH = reverse("alerts:saved_search_new")
MY_ALERTS = reverse("alerts:my_alerts")


@pytest.fixture(autouse=True)
def database_search(settings):
    settings.ELASTICSEARCH_URL = ""


def test_search_page_offers_to_save_when_signed_in(client, make_user):
    ProjectFactory(title="Mammographie et dépistage")
    anonymous = client.get(reverse("search:search"), {"q": "mammographie"})
    assert "Se connecter pour enregistrer cette recherche" in anonymous.content.decode()
    assert "next=%2Fcompte%2Falertes%2Frecherches%2Fnouvelle%2F%3Fq%3Dmammographie" in (
        anonymous.content.decode()
    )
    client.force_login(make_user())
    page = client.get(reverse("search:search"), {"q": "mammographie"}).content.decode()
    assert "Enregistrer cette recherche" in page
    assert f'action="{NEW_SEARCH}"' in page


def test_saving_a_search_keeps_text_and_facets_but_not_paging(client, make_user):
    user = make_user()
    client.force_login(user)
    response = client.post(
        NEW_SEARCH,
        {
            "name": "TAL et SNDS",
            "frequency": "weekly",
            "query_string": "q=langage&page=3&dataset=12&domain=4&search_after=x",
        },
    )
    assert response.status_code == 302 and response.url == MY_ALERTS
    search = SavedSearch.objects.get(user=user)
    assert (search.name, search.frequency) == ("TAL et SNDS", "weekly")
    assert parse_qs(search.query_string) == {
        "dataset": ["12"],
        "domain": ["4"],
        "q": ["langage"],
    }
    listing = client.get(MY_ALERTS).content.decode()
    assert "TAL et SNDS" in listing and "chaque semaine" in listing


def test_bad_input_is_refused_with_errors_and_nothing_saved(client, make_user):
    client.force_login(make_user())
    response = client.post(
        NEW_SEARCH, {"name": "", "frequency": "hourly", "query_string": "q=IRM"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert 'aria-describedby="erreur-nom"' in page
    assert 'id="erreur-frequence"' in page
    assert SavedSearch.objects.count() == 0


def test_saving_needs_a_login(client):
    response = client.post(NEW_SEARCH, {"name": "x", "query_string": "q=x"})
    assert response.status_code == 302 and "login" in response.url
    assert SavedSearch.objects.count() == 0


def test_the_get_form_is_prefilled_from_the_search(client, make_user):
    client.force_login(make_user())
    page = client.get(NEW_SEARCH + "?q=IRM&page=2&technique=5").content.decode()
    assert 'value="IRM"' in page
    assert 'value="q=IRM&amp;technique=5"' in page


def test_pause_resume_delete_only_ones_own(client, make_user):
    owner, intruder = make_user(), make_user()
    search = SavedSearch.objects.create(user=owner, name="IRM", query_string="q=IRM")
    url = reverse("alerts:subscription_update", args=["recherche", search.pk])

    client.force_login(intruder)
    assert client.post(url, {"action": "delete"}).status_code == 404
    assert SavedSearch.objects.filter(pk=search.pk).exists()

    client.force_login(owner)
    client.post(url, {"action": "pause"})
    search.refresh_from_db()
    assert not search.active
    client.post(url, {"action": "resume"})
    search.refresh_from_db()
    assert search.active and search.last_sent_at is not None
    client.post(url, {"action": "delete"})
    assert not SavedSearch.objects.filter(pk=search.pk).exists()


@pytest.mark.parametrize("kind", ["project", "team", "dataset"])
def test_follow_and_unfollow_from_the_detail_page(client, make_user, kind):
    target = {
        "project": ProjectFactory,
        "team": TeamFactory,
        "dataset": DatasetFactory,
    }[kind]()
    user = make_user()
    page = client.get(target.get_absolute_url()).content.decode()
    assert "Se connecter pour suivre" in page

    client.force_login(user)
    page = client.get(target.get_absolute_url()).content.decode()
    assert 'value="follow"' in page and f'name="target_type" value="{kind}"' in page
    response = client.post(
        reverse("alerts:follow"),
        {
            "target_type": kind,
            "target_id": target.pk,
            "action": "follow",
            "next": target.get_absolute_url(),
        },
    )
    assert response.status_code == 302
    assert response.url == target.get_absolute_url()
    follow = Follow.objects.get(user=user)
    assert follow.content_type == ContentType.objects.get_for_model(target)
    page = client.get(target.get_absolute_url()).content.decode()
    assert 'value="unfollow"' in page and "Vous suivez" in page
    assert str(target) in client.get(MY_ALERTS).content.decode()

    client.post(
        reverse("alerts:follow"),
        {"target_type": kind, "target_id": target.pk, "action": "unfollow"},
    )
    assert not Follow.objects.filter(user=user).exists()


def test_a_draft_project_cannot_be_followed(client, make_user):
    draft = ProjectFactory(live=False)
    client.force_login(make_user())
    response = client.post(
        reverse("alerts:follow"),
        {"target_type": "project", "target_id": draft.pk, "action": "follow"},
    )
    assert response.status_code == 404
    assert not Follow.objects.exists()


def test_follow_redirects_only_to_this_site(client, make_user):
    team = TeamFactory()
    client.force_login(make_user())
    response = client.post(
        reverse("alerts:follow"),
        {
            "target_type": "team",
            "target_id": team.pk,
            "action": "follow",
            "next": "https://ailleurs.example.com/",
        },
    )
    assert response.url == team.get_absolute_url()


def test_follow_needs_csrf(make_user):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(make_user())
    team = TeamFactory()
    response = client.post(
        reverse("alerts:follow"),
        {"target_type": "team", "target_id": team.pk, "action": "follow"},
    )
    assert response.status_code == 403
    assert not Follow.objects.exists()


def test_my_alerts_needs_a_login_and_shows_the_header_link(client, make_user):
    assert client.get(MY_ALERTS).status_code == 302
    client.force_login(make_user())
    page = client.get(MY_ALERTS).content.decode()
    assert "<h1>Mes alertes</h1>" in page
    assert f'href="{MY_ALERTS}"' in client.get("/").content.decode()


def test_english_pages(client, make_user):
    client.force_login(make_user())
    page = client.get("/en" + MY_ALERTS).content.decode()
    assert "My alerts" in page
