"""/mes-donnees/ and /en/my-data/: pick a source, see its published projects in plain
language and how to object; works without JavaScript; never shows a draft."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.mydata.scene import make_scene

pytestmark = pytest.mark.django_db


@pytest.fixture
def scene():
    return make_scene()


def test_french_and_english_addresses():
    assert reverse("mydata:index") == "/mes-donnees/"
    with translation.override("en"):
        assert reverse("mydata:index") == "/en/my-data/"


def test_search_by_city_region_or_name_without_javascript(client, scene):
    source_url = f"/mes-donnees/{scene.warehouse.slug}/"
    for query in ("bordeaux", "Nouvelle Aquitaine", "EDS chu", "CHU Bordeaux"):
        page = client.get("/mes-donnees/", {"q": query}).content.decode()
        assert f'href="{source_url}"' in page, query
        assert scene.snds.slug not in page, query
    # A GET form with a labelled field and a submit button: no script needed.
    page = client.get("/mes-donnees/").content.decode()
    assert '<form method="get" action="/mes-donnees/"' in page
    assert '<label class="fr-label" for="source-q">' in page
    assert 'type="submit"' in page
    assert "Un hôpital ou un groupe hospitalier" in page
    assert "Une cohorte dont je fais partie" in page


def test_no_match_and_hostile_queries_answer_plainly(client, scene):
    for query in ("zzzz", "<script>", "%", "\x00", "a" * 5000):
        response = client.get("/mes-donnees/", {"q": query})
        assert response.status_code == 200
        assert b"<script>alert" not in response.content


def test_source_page_shows_published_projects_in_plain_language(client, scene):
    page = client.get(f"/mes-donnees/{scene.warehouse.slug}/").content.decode()
    assert "Détection précoce du sepsis" in page
    assert "Prédire le sepsis six heures plus tôt." in page
    assert "Deuxième phrase ignorée" not in page
    assert "Méthodologie de référence MR-004 de la CNIL" in page
    assert "Autorisation de la CNIL n° DR-2024-123" in page
    assert "Les données restent dans l’environnement sécurisé de la source." in page
    assert "Oui : avis favorable" in page
    assert "Pas d’évaluation publiée par l’INESIA." in page
    assert "Écrire au délégué à la protection des données du CHU." in page
    assert "2 projets publiés utilisent ces données" in page
    assert "Projet brouillon secret" not in page
    assert scene.unpublished.slug not in page


def test_source_page_markup_is_accessible(client, scene):
    page = client.get(f"/mes-donnees/{scene.warehouse.slug}/").content.decode()
    assert page.count("<h1") == 1
    assert 'aria-labelledby="projets-titre"' in page
    assert '<dl class="fr-card__desc mydata-use">' in page
    assert 'aria-current="page"' in page


def test_english_page(client, scene):
    page = client.get("/en/my-data/", {"q": "bordeaux"}).content.decode()
    assert '<html lang="en"' in page
    assert "My health data" in page
    assert f'href="/en/my-data/{scene.warehouse.slug}/"' in page
    page = client.get(f"/en/my-data/{scene.warehouse.slug}/").content.decode()
    assert "What is it for?" in page
    assert "CNIL authorisation no. DR-2024-123" in page
    assert "Reference methodology MR-004 (CNIL)" in page
    assert "Projet brouillon secret" not in page


def test_suggestions_give_source_paths(client, scene):
    body = client.get("/mes-donnees/suggestions/", {"q": "bordeaux"}).json()
    assert body["suggestions"] == [
        {
            "label": str(scene.warehouse),
            "place": "Bordeaux, Nouvelle-Aquitaine",
            "url": f"/mes-donnees/{scene.warehouse.slug}/",
        }
    ]
    assert client.get("/mes-donnees/suggestions/", {"q": "b"}).json() == {
        "suggestions": []
    }


def test_the_choice_is_not_stored(client, scene):
    client.get("/mes-donnees/", {"q": "bordeaux"})
    response = client.get(f"/mes-donnees/{scene.warehouse.slug}/")
    assert "sessionid" not in response.cookies
    assert not client.session.keys()


def test_unknown_source_is_not_found(client):
    assert client.get("/mes-donnees/inconnue/").status_code == 404


def test_dataset_page_shows_controller_and_how_to_object(client, scene):
    page = client.get(scene.snds.get_absolute_url()).content.decode()
    assert "Vos droits sur ces données" in page
    assert 'href="https://www.snds.gouv.fr"' in page
    assert "délégué à la protection des données" in page


def test_project_page_shows_each_use_s_legal_basis(client, scene):
    page = client.get(scene.authorised.get_absolute_url()).content.decode()
    assert "Autorisation de la CNIL n° DR-2024-123" in page
    assert f'href="/mes-donnees/{scene.warehouse.slug}/"' in page


def test_admin_edits_the_legal_basis_and_the_source_fields(client, scene):
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.create_superuser(
        username="admin18", email="admin18@example.org", password="x-test-pass-1"
    )
    client.force_login(admin)
    project_edit = f"/admin/snippets/projects/project/edit/{scene.authorised.pk}/"
    page = client.get(project_edit).content.decode()
    for name in ("legal_framework", "authorisation_reference", "data_leave_source"):
        assert f'name="dataset_uses-0-{name}"' in page
    dataset_edit = f"/admin/snippets/registry/dataset/edit/{scene.warehouse.pk}/"
    page = client.get(dataset_edit).content.decode()
    for name in ("region", "data_controller", "information_url", "objection_url"):
        assert f'name="{name}"' in page
