"""/api/v1/match/teams/: the page's service, JSON in and out, 400 on bad input."""

import json

import pytest

from search.client import es_reset
from search.matching.match import MatchRequest, team_match_list
from tests.matching.scene import build_scene

pytestmark = pytest.mark.django_db
URL = "/api/v1/match/teams/"


@pytest.fixture
def scene(settings):
    settings.ELASTICSEARCH_URL = ""
    es_reset()
    yield build_scene()
    es_reset()


def test_get_with_a_project_returns_the_service_results(client, scene):
    response = client.get(URL, {"project": scene.project.slug})

    assert response.status_code == 200
    body = response.json()
    expected = team_match_list(request=MatchRequest(project=scene.project.slug))
    assert [r["pk"] for r in body["results"]] == [m.pk for m in expected]
    assert [r["reasons"]["sentences"] for r in body["results"]] == [
        m.reasons.sentences for m in expected
    ]
    candidate = next(r for r in body["results"] if r["pk"] == scene.candidate.pk)
    assert candidate["reasons"]["shared_datasets"] == ["SNDS"]
    assert candidate["experts"] == [
        {"name": "Alice Experte", "url": scene.expert.get_absolute_url()}
    ]
    assert "@" not in response.content.decode()  # never an e-mail address


def test_post_with_text_and_filters(client, scene):
    from tests.factories import domain

    payload = {
        "text": "comptes rendus cardiaques",
        "domains": [domain("cardiologie").pk],
        "dataset": str(scene.snds.pk),
        "size": 5,
    }
    response = client.post(URL, payload, content_type="application/json")

    assert response.status_code == 200
    results = response.json()["results"]
    assert scene.candidate.pk in [r["pk"] for r in results]
    assert len(results) <= 5


@pytest.mark.parametrize(
    "payload, field",
    [
        ({}, "text"),
        ({"text": ""}, "text"),
        ({"text": "x", "dataset": "inconnu"}, "dataset"),
        ({"project": "inconnu"}, "project"),
        ({"text": "x" * 1_000_000}, "text"),
        ({"text": "x", "size": 0}, "size"),
        ({"text": "x", "domains": ["a"]}, "domains"),
        ({"text": "x", "domains": [2**40]}, "domains"),
        ({"text": "x", "domains": [999999]}, "domains"),
        ({"text": "x", "techniques": [999998]}, "techniques"),
        ({"text": "x", "mode": "other"}, "mode"),
        ({"text": "x\x00y"}, "text"),
    ],
)
def test_bad_input_gets_a_400_with_errors(client, scene, payload, field):
    response = client.post(URL, payload, content_type="application/json")

    assert response.status_code == 400, response.content[:200]
    errors = response.json()["errors"]
    assert errors and {"field", "code", "message"} <= set(errors[0])
    assert any(error["field"].startswith(field) for error in errors)


def test_bad_bodies_and_parameters_get_a_400(client, scene):
    assert (
        client.post(URL, "[1, 2]", content_type="application/json").status_code == 400
    )
    assert client.post(URL, "{", content_type="application/json").status_code == 400
    assert client.get(URL).status_code == 400
    assert client.get(URL, {"project": "x", "size": "abc"}).status_code == 400
    assert client.get(URL, {"text": "x", "domains": "abc"}).status_code == 400
    unknown = client.get(URL, {"text": "x", "techniques": ["999999"]})
    assert unknown.status_code == 400
    assert "999999" in unknown.json()["errors"][0]["message"]
    form = client.get("/collaborateurs/", {"text": "x", "domains": ["999999"]})
    assert form.status_code == 400


def test_the_endpoint_and_its_typed_response_are_in_the_schema(client):
    schema = client.get("/api/schema/", {"format": "json"})
    assert schema.status_code == 200
    body = json.loads(schema.content)
    operation = body["paths"]["/api/v1/match/teams/"]["post"]
    ok = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert ok == {"$ref": "#/components/schemas/TeamMatchList"}
    components = body["components"]["schemas"]
    reasons = components["MatchReasons"]["properties"]
    assert {"sentences", "open_calls", "evaluated_projects", "matched_terms"} <= set(
        reasons
    )
    assert components["TeamMatch"]["properties"]["reasons"] == {
        "$ref": "#/components/schemas/MatchReasons"
    }
