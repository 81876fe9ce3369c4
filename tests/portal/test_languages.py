"""French first, English under /en/: interface strings and English content fields."""

import pytest

from tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def test_french_is_the_default_and_english_lives_under_en(client):
    project = ProjectFactory(
        title="Prédiction du sepsis",
        title_en="Sepsis prediction",
        summary="Résumé en français.",
        summary_en="English summary.",
    )
    french = client.get(project.get_absolute_url()).content.decode()
    assert '<html lang="fr"' in french
    assert "Prédiction du sepsis" in french and "Résumé en français." in french

    english = client.get("/en" + project.get_absolute_url()).content.decode()
    assert '<html lang="en"' in english
    assert "Sepsis prediction" in english and "English summary." in english
    assert "Partners" in english  # an interface string from the English catalogue


def test_english_falls_back_to_french_content(client):
    project = ProjectFactory(title="Titre seulement en français")
    english = client.get("/en" + project.get_absolute_url()).content.decode()
    assert "Titre seulement en français" in english


def test_language_switch_keeps_the_page(client):
    project = ProjectFactory()
    response = client.post(
        "/i18n/setlang/", {"language": "en", "next": project.get_absolute_url()}
    )
    assert response.status_code == 302
    assert response["Location"] == "/en" + project.get_absolute_url()


def test_colons_follow_each_language(client):
    from tests.factories import DatasetFactory

    dataset = DatasetFactory()
    french = client.get(dataset.get_absolute_url()).content.decode()
    english = client.get("/en" + dataset.get_absolute_url()).content.decode()
    assert "Producteur\u00a0:" in french
    assert "Producer:" in english
