"""Facets only where asked (issue 15): a search counts the facets its caller names
(`SearchRequest.facets`, the API's `facets` parameter), none otherwise, on the three
engines; the hits and what is visible do not depend on it."""

import sqlite3

import pytest
from django.urls import reverse

from search.backends.elasticsearch import ElasticsearchBackend
from search.backends.postgres import PostgresBackend
from search.backends.sqlite import SqliteBackend
from search.client import es_reset
from search.contract import FACET_NAMES, SearchRequest
from search.models import SearchEntry
from search.queries import search_query

pytestmark = pytest.mark.django_db

API = "/api/v1/search/"


@pytest.fixture(params=["elasticsearch", "postgresql", "sqlite"])
def backend(request, indexed_scene):
    if request.param == "elasticsearch":
        yield ElasticsearchBackend()
    elif request.param == "postgresql":
        yield PostgresBackend()
    else:  # the SQLite engine on the same entries, as the relevance table runs it
        memory = sqlite3.connect(":memory:")
        sqlite = SqliteBackend(database=memory)
        sqlite.schema_create()
        sqlite.write_text(list(SearchEntry.objects.all()), [])
        yield sqlite
        memory.close()


def inserm_active(scene, **kwargs) -> SearchRequest:
    return SearchRequest(
        types=["project"],
        filters={"institute": [str(scene["inserm"].pk)], "status": ["active"]},
        **kwargs,
    )


def short_labels(response) -> list[str]:
    return sorted(hit.label.split(" – ")[0] for hit in response.hits)


def counts(response, name: str) -> dict[str, int]:
    return {value.value: value.count for value in response.facets[name]}


def test_no_facet_is_counted_unless_asked(backend, indexed_scene):
    response = backend.search(inserm_active(indexed_scene))

    assert response.facets == {}
    # The filters still narrow the hits without any count.
    assert short_labels(response) == ["MAMMO", "NEUROVASC"]
    assert response.total == 2


def test_the_asked_facets_are_counted_within_the_other_filters(backend, indexed_scene):
    inserm, inria = str(indexed_scene["inserm"].pk), str(indexed_scene["inria"].pk)
    asked = frozenset({"institute", "status", "type"})

    response = backend.search(inserm_active(indexed_scene, facets=asked))

    assert set(response.facets) == asked
    assert short_labels(response) == ["MAMMO", "NEUROVASC"]
    assert counts(response, "status") == {"active": 2, "planned": 1, "completed": 1}
    assert counts(response, "institute") == {inserm: 2, inria: 2}
    assert counts(response, "type") == {"project": 2}


def test_all_facets_count_the_published_projects_only(backend, indexed_scene):
    draft = indexed_scene["draft"]

    response = backend.search(
        SearchRequest(types=["project"], facets=frozenset(FACET_NAMES))
    )

    assert set(response.facets) == set(FACET_NAMES)
    assert response.total == 6 and draft.pk not in {hit.pk for hit in response.hits}
    assert sum(counts(response, "status").values()) == 6  # the draft is not counted
    assert counts(response, "type")["project"] == 6


def test_the_engine_is_asked_for_no_aggregation_unless_facets_are():
    filtered = SearchRequest(query="irm", filters={"status": ["active"]})

    plain = search_query(filtered).to_dict()
    counted = search_query(
        SearchRequest(query="irm", facets=frozenset({"status", "type"}))
    ).to_dict()

    assert "aggs" not in plain and "post_filter" not in plain
    # Without counts, the selected facets filter the query itself.
    assert plain["query"]["bool"]["filter"] == [{"terms": {"status": ["active"]}}]
    assert set(counted["aggs"]) == {"status", "type"}


def test_the_api_counts_no_facet_by_default(client, indexed_scene):
    body = client.get(API, {"q": "mammographie"}).json()

    assert body["engine"] == "elasticsearch"
    assert body["facets"] == {} and body["hits"]


@pytest.mark.parametrize(
    "facets", ["status,type", ["status", "type"], [" status ", "type,"]]
)
def test_the_api_counts_the_named_facets(client, indexed_scene, facets):
    body = client.get(API, {"type": "project", "facets": facets}).json()

    assert set(body["facets"]) == {"status", "type"}
    assert {v["value"]: v["count"] for v in body["facets"]["type"]} == {"project": 6}


def test_the_api_counts_every_facet_for_all(client, indexed_scene):
    body = client.get(API, {"q": "", "facets": "all"}).json()

    assert set(body["facets"]) == set(FACET_NAMES)
    assert body["facets"]["status"]


def test_the_fallback_counts_only_the_named_facets(client, indexed_scene, settings):
    settings.ELASTICSEARCH_URL = ""
    es_reset()
    try:
        plain = client.get(API, {"type": "project"}).json()
        counted = client.get(API, {"type": "project", "facets": "status"}).json()
    finally:
        es_reset()

    assert plain["engine"] == counted["engine"] == "database"
    assert plain["facets"] == {} and plain["total"] == counted["total"] == 6
    assert sum(v["count"] for v in counted["facets"]["status"]) == 6


@pytest.mark.parametrize("facets", ["nope", "status,nope", ["status", "<script>"]])
def test_an_unknown_facet_is_a_400_naming_the_field(client, facets):
    response = client.get(API, {"facets": facets})

    assert response.status_code == 400
    error = response.json()["errors"][0]
    assert error["field"] == "facets"
    assert "institute" in error["message"]  # the names that exist


def test_the_search_page_still_counts_what_it_shows(client, indexed_scene):
    response = client.get(reverse("search:search"), {"q": ""})

    shown = {name for name, _label, values in response.context["facets"] if values}
    assert {"institute", "status", "domain"} <= shown
    type_counts = {v.value: v.count for v in response.context["type_facet"]}
    assert type_counts["project"] == 6
    assert "Projets (6)" in response.content.decode()


def test_the_facets_parameter_is_in_the_schema(client):
    schema = client.get("/api/schema/", {"format": "json"}).json()

    parameters = schema["paths"]["/api/v1/search/"]["get"]["parameters"]
    facets = next(p for p in parameters if p["name"] == "facets")
    assert set(facets["schema"]["items"]["enum"]) == {*FACET_NAMES, "all"}
    assert "facets: {}" in facets["description"]
