"""The search page, the autocomplete endpoint and the API, on both engines."""

import json

import pytest
from django.urls import reverse

from search.client import es_reset

pytestmark = pytest.mark.django_db


def test_search_page_shows_highlighted_hits_and_facets(client, indexed_scene):
    response = client.get(reverse("search:search"), {"q": "mammographie"})
    content = response.content.decode()
    assert response.status_code == 200
    assert "<mark>mammographie</mark>" in content
    assert 'name="domain"' in content and 'name="institute"' in content
    assert "search-fallback-notice" not in content


def test_search_page_falls_back_with_a_notice(client, indexed_scene, settings):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    es_reset()
    try:
        response = client.get(reverse("search:search"), {"q": "comptes rendus"})
        content = response.content.decode()
        assert response.status_code == 200
        assert "search-fallback-notice" in content
        assert "Moteur de recherche indisponible" in content
        assert "CRTEXT" in content
    finally:
        es_reset()


def test_the_embedded_default_says_simplified_search_not_unavailable(
    client, indexed_scene, settings
):
    settings.ELASTICSEARCH_URL = ""
    es_reset()
    try:
        response = client.get(reverse("search:search"), {"q": "comptes rendus"})
        content = response.content.decode()
        assert "Recherche simplifiée" in content
        assert "indisponible" not in content
        assert "CRTEXT" in content
    finally:
        es_reset()


def test_bad_parameters_are_reported(client):
    response = client.get(reverse("search:search"), {"page": "zéro", "sort": "pif"})
    assert response.status_code == 200
    assert "fr-error-text" in response.content.decode()
    api = client.get("/api/v1/search/", {"page_size": "1000"})
    assert api.status_code == 400
    assert api.json()["errors"][0]["field"] == "page_size"


def test_suggestions_endpoint(client, indexed_scene):
    body = client.get(reverse("search:suggestions"), {"q": "neuro"}).json()
    assert body["suggestions"][0]["label"].startswith("NEUROVASC")
    assert body["suggestions"][0]["url"] == indexed_scene["stroke"].get_absolute_url()


def test_api_shape_and_deep_pagination_with_search_after(client, indexed_scene):
    first = client.get(
        "/api/v1/search/",
        {"type": "project", "page_size": 2, "sort": "title", "facets": "status"},
    ).json()
    assert set(first) >= {"hits", "facets", "total", "took_ms", "engine", "next"}
    assert first["engine"] == "elasticsearch" and first["total"] == 6
    seen = [hit["pk"] for hit in first["hits"]]
    next_url = first["next"]
    while next_url:
        page = client.get(next_url).json()
        seen += [hit["pk"] for hit in page["hits"]]
        next_url = page["next"]
    assert len(seen) == len(set(seen)) == 6
    assert json.dumps(first["facets"]["status"])  # facets serialise as plain data


def test_fallback_with_a_query_of_short_words_does_not_crash(client, settings):
    # "0" has no word the full-text query keeps: nothing to rank by.
    settings.ELASTICSEARCH_URL = ""
    es_reset()
    response = client.get("/api/v1/search/", {"q": "0", "dataset": "false"})
    assert response.status_code == 200
    assert response.json()["engine"] == "database"


def test_facet_values_that_look_numeric_but_are_not_are_harmless(
    client, indexed_scene, settings
):
    """ "²".isdigit() is true but int("²") fails: found by the schema fuzzing."""
    for engine_url in (settings.ELASTICSEARCH_URL, "http://127.0.0.1:9"):
        settings.ELASTICSEARCH_URL = engine_url
        es_reset()
        for value in ("²", "٣", "9" * 30):
            response = client.get("/api/v1/search/", {"dataset": value})
            assert response.status_code in (200, 400), (engine_url, value)
    es_reset()


def test_an_engine_without_indexes_hands_over_to_the_database(search_engine):
    """Searches skip a type whose index is not built yet; with none built at all,
    the database answers (and says the engine is unavailable)."""
    from search.contract import SearchRequest
    from search.service import search_execute

    response = search_execute(request=SearchRequest(query="mammographie"))
    assert response.engine == "database" and response.degraded
    es_reset()
