"""HTTP behaviour of the API: error shape, conditional GET, throttling, CORS,
cursor pagination, ordering, filters and identifier lookups."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from projects.models import Project
from tests.factories import (
    EvaluationFactory,
    OrganisationFactory,
    PersonFactory,
    ProjectFactory,
    TeamFactory,
    domain,
)

pytestmark = pytest.mark.django_db


def test_every_error_has_the_documented_shape(client):
    not_found = client.get("/api/v1/projects/nothing-here/")
    bad_expand = client.get("/api/v1/projects/?expand=secrets")
    bad_filter = client.get("/api/v1/projects/?domain=not-a-domain")
    for response, status, field in [
        (not_found, 404, None),
        (bad_expand, 400, "expand"),
        (bad_filter, 400, "domain"),
    ]:
        assert response.status_code == status
        errors = response.json()["errors"]
        assert errors and set(errors[0]) == {"field", "code", "message"}
        assert errors[0]["field"] == field
    assert bad_expand.json()["errors"][0]["code"] == "unknown_expansion"


def test_detail_answers_304_to_a_matching_etag_or_date(client):
    project = ProjectFactory()
    url = f"/api/v1/projects/{project.slug}/"
    first = client.get(url)
    assert first.status_code == 200
    assert first["ETag"] and first["Last-Modified"]

    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    since = first["Last-Modified"]
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=since).status_code == 304

    project.title = "Un autre titre"
    project.save()
    changed = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200
    assert changed["ETag"] != first["ETag"]


def test_the_etag_depends_on_the_representation(client):
    project = ProjectFactory()
    url = f"/api/v1/projects/{project.slug}/"
    plain = client.get(url)["ETag"]
    assert client.get(url + "?expand=partners")["ETag"] != plain
    assert client.get(url + "?format=jsonld")["ETag"] != plain


def test_anonymous_clients_are_throttled(client, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "3/minute", "user": "5/minute"},
    }
    cache.clear()
    statuses = [client.get("/api/v1/domains/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    response = client.get("/api/v1/domains/")
    assert response.json()["errors"][0]["code"] == "throttled"
    assert "Retry-After" in response


def test_authenticated_clients_have_their_own_rate(client, settings, researcher):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "1/minute", "user": "3/minute"},
    }
    cache.clear()
    client.force_login(researcher)
    statuses = [client.get("/api/v1/domains/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]


def test_cors_is_open_for_reads_only(client):
    origin = {"HTTP_ORIGIN": "https://scanr.enseignementsup-recherche.gouv.fr"}
    response = client.get("/api/v1/domains/", **origin)
    assert response["Access-Control-Allow-Origin"] == "*"
    preflight = client.options(
        "/api/v1/projects/", HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST", **origin
    )
    assert "POST" not in preflight.get("Access-Control-Allow-Methods", "")
    assert "Access-Control-Allow-Origin" not in client.get("/projets/", **origin)


def test_cursor_pagination_walks_every_published_project_once(client):
    for _ in range(7):
        ProjectFactory()
    ProjectFactory(live=False)
    seen, url = [], "/api/v1/projects/?page_size=3&ordering=-title"
    while url:
        page = client.get(url).json()
        seen += [project["slug"] for project in page["results"]]
        url = page["next"]
    expected = list(
        Project.objects.public().order_by("-title").values_list("slug", flat=True)
    )
    assert seen == expected


def test_project_filters_are_the_list_pages_named_by_slug(client):
    oncology = ProjectFactory(domains=[domain("cancer-du-sein")], trl=2)
    ProjectFactory(domains=[domain("cardiologie")], trl=8)
    response = client.get("/api/v1/projects/?domain=oncologie&stage=research")
    assert [p["slug"] for p in response.json()["results"]] == [oncology.slug]
    page = client.get(f"/projets/?domain={domain('oncologie').pk}&stage=research")
    assert oncology.title in page.content.decode()


def test_identifier_lookups(client):
    organisation = OrganisationFactory(ror_id="02vjkv261")
    team = TeamFactory(rnsr="200918472W")
    person = PersonFactory(orcid="0000-0002-1825-0097")
    evaluation = EvaluationFactory()
    checks = {
        "/api/v1/organisations/ror/02vjkv261/": organisation.slug,
        "/api/v1/teams/rnsr/200918472w/": team.slug,
        "/api/v1/people/orcid/0000-0002-1825-0097/": person.slug,
        f"/api/v1/evaluations/{evaluation.reference}/": evaluation.reference,
    }
    for url, key in checks.items():
        response = client.get(url)
        assert response.status_code == 200, url
        assert key in response.content.decode()


def test_a_blank_identifier_names_nobody(client):
    """Two teams without an RNSR code: `rnsr/%20/` used to match both (500)."""
    TeamFactory(rnsr="")
    TeamFactory(rnsr="")
    OrganisationFactory(ror_id="")
    for url in (
        "/api/v1/teams/rnsr/%20/",
        "/api/v1/organisations/ror/%20/",
        "/api/v1/people/orcid/%20/",
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        assert "errors" in response.json()


def test_linked_data_format_on_details(client):
    project = ProjectFactory()
    organisation = OrganisationFactory(ror_id="02vjkv261")
    person = PersonFactory(orcid="0000-0002-1825-0097")
    expected = {
        f"/api/v1/projects/{project.slug}/": "ResearchProject",
        f"/api/v1/organisations/{organisation.slug}/": "Organization",
        f"/api/v1/people/{person.slug}/": "Person",
    }
    for url, kind in expected.items():
        response = client.get(url + "?format=jsonld")
        assert response["Content-Type"].startswith("application/ld+json")
        data = response.json()
        assert data["@context"] == "https://schema.org" and data["@type"] == kind
    assert client.get("/api/v1/projects/?format=jsonld").status_code == 404


def test_docs_are_served_from_our_own_static_files(client):
    docs = client.get("/api/docs/").content.decode()
    assert "/static/drf_spectacular_sidecar/" in docs
    assert "cdn" not in docs.lower()
    schema = client.get(reverse("api-schema"), HTTP_ACCEPT="application/json")
    paths = schema.json()["paths"]
    assert all(path.startswith("/api/") for path in paths)
    assert "/api/v1/evaluations/{reference}/card/" in paths


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/projects/doi/10.1%0A2/",
        "/api/v1/projects/doi/10.1%00/",
        "/api/v1/teams/a%00/",
        "/api/v1/teams/?city=a%00",
        "/api/v1/nothing/here/",
    ],
)
def test_odd_paths_get_an_api_error_not_a_crash_or_a_page(client, path):
    """Found by schema fuzzing: newlines and NUL bytes in paths and parameters."""
    response = client.get(path)
    assert response.status_code in (400, 404)
    assert response.json()["errors"]
