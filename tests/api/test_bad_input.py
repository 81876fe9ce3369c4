"""Issue 17, item 6: bad input gets a 4xx, never a 500: the documented JSON error
`{"errors": [...]}` on the API, a DSFR page elsewhere."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from projects.imports.readers import table_read
from projects.models import Project
from tests.factories import DatasetFactory, ProjectDatasetFactory, ProjectFactory

pytestmark = pytest.mark.django_db

DEEP = "[" * 5000 + "]" * 5000
HUGE = "999999999999999999999999999999"


def assert_api_error(response, status: int, code: str | None = None):
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    errors = response.json()["errors"]
    assert errors and set(errors[0]) == {"field", "code", "message"}
    if code:
        assert errors[0]["code"] == code


def test_projects_filter_by_dataset_slug_as_documented(client):
    dataset = DatasetFactory()
    using = ProjectFactory()
    ProjectDatasetFactory(project=using, dataset=dataset)
    ProjectFactory()
    response = client.get(f"/api/v1/projects/?dataset={dataset.slug}")
    assert response.status_code == 200
    assert [row["slug"] for row in response.json()["results"]] == [using.slug]
    assert_api_error(client.get("/api/v1/projects/?dataset=inconnu"), 400)


@pytest.mark.parametrize("body", ["[]", "null", '"str"', "123"])
def test_token_endpoint_refuses_a_body_that_is_not_an_object(client, body):
    response = client.post("/api/v1/auth/token/", body, content_type="application/json")
    assert_api_error(response, 400, "invalid")


@pytest.mark.parametrize(
    "url", ["/api/v1/auth/token/", "/api/v1/match/teams/", "/api/v1/projects/"]
)
def test_deeply_nested_json_is_a_parse_error(client, researcher, url):
    client.force_login(researcher)
    response = client.post(url, DEEP, content_type="application/json")
    assert_api_error(response, 400, "parse_error")
    shallow_but_past_the_bound = "[" * 40 + "]" * 40
    response = client.post(
        url, shallow_but_past_the_bound, content_type="application/json"
    )
    assert_api_error(response, 400, "parse_error")


def test_deeply_nested_import_file_is_a_file_error():
    table = table_read(name="projets.json", content=("[" + DEEP + "]").encode())
    assert table.rows == []
    assert "imbriqué trop profondément" in table.errors[0].reason


OUT_OF_RANGE = [
    f"/projets/?domain={HUGE}",
    f"/projets/?institute={HUGE}&team={HUGE}&technique={HUGE}",
    f"/projets/?dataset={HUGE}",
    f"/tableau-de-bord/?domain={HUGE}",
    f"/tableau-de-bord/projects_by_institute.csv?institute={HUGE}",
    f"/api/v1/indicators/?domain={HUGE}",
    f"/flux/projets.atom?domain={HUGE}",
    f"/appels/?domains={HUGE}&techniques={HUGE}&dataset={HUGE}",
    f"/collaborateurs/?domains={HUGE}&preferred_institutes={HUGE}&dataset={HUGE}",
    f"/projets/?domain=-{HUGE}",
]


@pytest.mark.parametrize("url", OUT_OF_RANGE)
def test_out_of_range_ids_never_reach_the_database(url):
    """On SQLite such a value raised OverflowError (a 500); on PostgreSQL it made a
    query for nothing. It is now an invalid choice, answered without asking."""
    client = Client(raise_request_exception=False)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code < 500
    # As a number, that is: a slug field may be compared with the text '999…'.
    as_number = re.compile(rf"(?<!')-?{HUGE}(?!')")
    assert not [q["sql"] for q in queries if as_number.search(q["sql"])]
    if url.startswith("/api/"):
        assert_api_error(response, 400)


def test_out_of_range_ids_in_the_orm_match_nothing():
    ProjectFactory()
    assert not Project.objects.filter(pk__in=[10**30, -(10**30)]).exists()
    project = ProjectFactory()
    assert list(Project.objects.filter(pk__in=[10**30, project.pk])) == [project]


def test_an_oversized_body_gets_the_json_error_on_the_api(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
    body = "x" * (2 * 1024 * 1024)
    response = client.post("/api/v1/auth/token/", body, content_type="application/json")
    assert_api_error(response, 400, "payload_too_large")


def test_an_oversized_form_gets_the_dsfr_400_page(settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
    client = Client(raise_request_exception=False)
    response = client.post(
        "/signaler-une-erreur/",
        "description=" + "x" * (2 * 1024 * 1024),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Erreur 400" in html and "fr-container" in html and "dsfr" in html


def test_unknown_api_paths_and_api_crashes_answer_json(monkeypatch):
    client = Client(raise_request_exception=False)
    assert_api_error(client.get("/api/v1/nothing-here/"), 404, "not_found")

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr("projects.selectors.project_public_list", broken)
    assert_api_error(client.get("/api/v1/projects/"), 500, "server_error")
    page = client.get("/projets/")  # the same bug on a page: the DSFR 500 page
    assert page.status_code == 500
    assert (
        "Erreur 500" in page.content.decode()
        and "fr-container" in page.content.decode()
    )


@pytest.mark.parametrize("template", ["400.html", "403.html", "404.html", "500.html"])
def test_error_pages_are_dsfr_pages(template):
    from django.template.loader import render_to_string

    html = render_to_string(template)
    assert "dsfr" in html and "fr-container" in html and "fr-btn" in html


def test_a_refused_csrf_check_under_the_api_is_json():
    """A write to an API path no API view serves falls through to the site's pages,
    whose CSRF check refused it with Django's HTML page (found by the fuzzing)."""
    client = Client(enforce_csrf_checks=True)
    response = client.patch(
        "/api/v1/projects/a/b/c/", data="{}", content_type="application/json"
    )
    assert response.status_code == 403
    assert response.json()["errors"][0]["code"] == "csrf_failed"
    page = client.post("/signaler-une-erreur/", data={})
    assert page.status_code == 403
    assert "fr-" in page.content.decode()  # the DSFR page, not Django's
