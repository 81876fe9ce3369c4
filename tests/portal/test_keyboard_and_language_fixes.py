"""Issue 16, server side: paths in the page's language (never /en/en/), refused forms
named in the title, French text marked on English pages, the search page's controls
applied by a button, call tags and empty choices that read as words."""

import re

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from portal.core.language_paths import localized_path
from tests.factories import ProjectFactory, domain
from tests.matching.calls import CallFactory


@pytest.mark.parametrize(
    ("path", "language", "expected"),
    [
        ("/projets/x/", "fr", "/projets/x/"),
        ("/projets/x/", "en", "/en/projets/x/"),
        ("/en/projets/x/", "en", "/en/projets/x/"),  # was /en/en/projets/x/
        ("/en/projets/x/", "fr", "/projets/x/"),
        ("/equipes/y/?a=1", "en", "/en/equipes/y/?a=1"),
        ("https://example.org/a/", "en", "https://example.org/a/"),
        ("//example.org/a/", "en", "//example.org/a/"),
        ("", "en", ""),
        ("/entree/", "en", "/en/entree/"),  # /en… without the slash is no prefix
    ],
)
def test_localized_path(path, language, expected):
    assert localized_path(path, language) == expected


def test_localized_path_follows_the_active_language():
    with translation.override("en"):
        assert localized_path("/en/projets/x/") == "/en/projets/x/"
        assert localized_path("/projets/x/") == "/en/projets/x/"


def _title(html: str) -> str:
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("prefix", "word"), [("", "Erreur\u00a0: "), ("/en", "Error: ")]
)
def test_refused_forms_say_so_in_the_title(client, prefix, word):
    cache.clear()  # the report form's rate limit counts there
    # Paths first: after an English request, reverse() answers in English.
    login_path = prefix + reverse("account_login")
    report_path = prefix + reverse("feedback:report")
    login = client.post(
        login_path, {"login": "personne@example.org", "password": "pas-le-bon"}
    ).content.decode()
    assert _title(login).startswith(word)
    assert 'id="erreurs-formulaire"' in login and "data-form-errors" in login
    report = client.post(report_path, {}).content.decode()
    assert _title(report).startswith(word)
    assert "form-errors.js" in report
    fresh = client.get(report_path).content.decode()
    assert not _title(fresh).startswith(word) and "data-form-errors" not in fresh
    cache.clear()


@pytest.mark.django_db
def test_french_text_on_english_pages_is_marked_french(client):
    french_only = ProjectFactory(title="Dépistage de la rétinopathie", acronym="RETI")
    translated = ProjectFactory(
        title="Imagerie cérébrale", title_en="Brain imaging", acronym="BRAIN"
    )
    french_path, translated_path = (
        french_only.get_absolute_url(),
        translated.get_absolute_url(),
    )
    listing_path = reverse("projects:project_list")
    page = client.get("/en" + french_path).content.decode()
    assert '<span lang="fr">Dépistage de la rétinopathie</span>' in page
    page = client.get("/en" + translated_path).content.decode()
    assert "<span>Brain imaging</span>" in page
    page = client.get(french_path).content.decode()
    assert 'lang="fr">Dépistage' not in page  # the French page is French already
    listing = client.get("/en" + listing_path).content.decode()
    assert '<span lang="fr">Dépistage de la rétinopathie</span>' in listing


@pytest.mark.django_db
def test_search_page_applies_type_and_sort_with_a_button(client):
    html = client.get(reverse("search:search") + "?q=imagerie").content.decode()
    assert "data-submit-on-change" not in html
    assert "submit-on-change.js" not in html
    assert re.search(
        r'<button class="fr-btn fr-btn--secondary" type="submit">Trier', html
    )
    assert 'class="skip-to-results" href="#nombre-resultats"' in html
    assert 'aria-controls="panneau-filtres"' in html  # "Filtres" on a phone


@pytest.mark.django_db
def test_call_tags_in_english_and_empty_choices_in_words(client):
    call = CallFactory(team=ProjectFactory().lead_team)
    call.domains.set([domain("cardiologie")])
    calls_path, matching_path = (
        reverse("collaboration:call_list"),
        reverse("search:matching"),
    )
    english = client.get("/en" + calls_path).content.decode()
    name_en = domain("cardiologie").name_en
    assert name_en and f'<p class="fr-tag fr-tag--sm">{name_en}</p>' in english
    assert "All datasets" in english and "---------" not in english
    french = client.get(calls_path).content.decode()
    assert "Tous les jeux de données" in french
    matching = client.get(matching_path).content.decode()
    assert "Aucun en particulier" in matching and "---------" not in matching


@pytest.mark.django_db
def test_call_texts_on_english_pages_are_marked_french(client):
    # A call is written once, in French: an English page says so to screen readers.
    call = CallFactory(team=ProjectFactory().lead_team)
    title = escape(call.title)
    list_path = reverse("collaboration:call_list")
    for path in (list_path, call.get_absolute_url()):
        english = client.get("/en" + path).content.decode()
        assert f'lang="fr">{title}<' in english, path
        french = client.get(path).content.decode()
        assert f">{title}<" in french and f'lang="fr">{title}' not in french
