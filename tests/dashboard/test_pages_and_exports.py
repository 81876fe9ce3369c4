"""The page (French and English), its CSV downloads and the JSON API give the same
numbers; the URL keeps the filters; cached numbers follow the data."""

import csv
import io
import re

import pytest
from django.urls import reverse

from projects.dashboard.blocks import BUILDERS
from projects.models import Project

pytestmark = pytest.mark.django_db

DASHBOARD = "/tableau-de-bord/"


def parse_csv(response) -> list[list[str]]:
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_page_shows_every_indicator_with_chart_table_reading_and_csv(scene, client):
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    html = response.content.decode()
    blocks = re.findall(r'<article class="dashboard-block', html)
    assert len(blocks) == len(BUILDERS)
    assert html.count('role="img"') == len(BUILDERS)
    assert html.count("<caption>") == len(BUILDERS)
    assert html.count("<title id=") == html.count("<desc id=") == len(BUILDERS)
    assert 'scope="col"' in html and 'scope="row"' in html
    assert html.count("/tableau-de-bord/") >= len(BUILDERS)
    for name in ("projects_by_institute", "network", "trends", "domain_technique"):
        assert f"/tableau-de-bord/{name}.csv" in html
    assert "Inserm prend part au plus grand nombre de projets" in html
    assert "https://cdn" not in html  # charts come from the server, no CDN


def test_english_page(scene, client):
    response = client.get("/en/tableau-de-bord/")
    assert response.status_code == 200
    assert '<html lang="en"' in response.content.decode()


def test_header_links_to_the_dashboard(scene, client):
    html = client.get(reverse("projects:project_list")).content.decode()
    assert 'href="/tableau-de-bord/"' in html


def test_filters_are_kept_in_the_csv_links_and_shown(scene, client):
    query = f"institute={scene.inria.pk}&year_from=2023&year_to=2024"
    html = client.get(f"{DASHBOARD}?{query}").content.decode()
    assert f"projects_by_institute.csv?institute={scene.inria.pk}" in html
    assert "year_from=2023" in html and "year_to=2024" in html
    assert "Institut : Inria" in html
    assert 'value="2023"' in html


def test_csv_downloads_parse_back_to_the_indicator_values(scene, client):
    rows = parse_csv(client.get(f"{DASHBOARD}projects_by_institute.csv"))
    assert rows[0] == ["Institut", "Projets", "Période précédente", "Évolution"]
    counts = {row[0]: int(row[1]) for row in rows[1:]}
    assert counts == {"Inserm": 3, "Inria": 3, "CNRS": 1, "CEA": 1}

    same = parse_csv(
        client.get(f"{DASHBOARD}?format=csv&indicator=projects_by_institute")
    )
    assert same == rows

    filtered = parse_csv(
        client.get(f"{DASHBOARD}projects_by_institute.csv?institute={scene.cea.pk}")
    )
    assert {row[0]: int(row[1]) for row in filtered[1:]}["CEA"] == 1
    assert {row[0]: int(row[1]) for row in filtered[1:]}["Inria"] == 0

    network = parse_csv(client.get(f"{DASHBOARD}network.csv"))
    assert network[0] == ["Équipe", "Équipe liée", "Projets communs"]
    assert len(network) == 3

    matrix = parse_csv(client.get(f"{DASHBOARD}domain_technique.csv"))
    assert matrix[0][0] == "Domaine médical" and len(matrix) == 3


def test_unknown_indicator_is_a_404(scene, client):
    assert client.get(f"{DASHBOARD}nothing.csv").status_code == 404
    assert client.get(f"{DASHBOARD}?format=csv&indicator=nothing").status_code == 404


def test_api_returns_the_same_numbers_as_the_page(scene, client):
    query = f"institute={scene.inria.pk}"
    response = client.get(f"/api/v1/indicators/?{query}")
    assert response.status_code == 200
    payload = response.json()
    assert payload["filters"]["institute"] == [scene.inria.pk]
    indicators = payload["indicators"]
    assert indicators["summary"]["projects"] == 3
    csv_rows = parse_csv(client.get(f"{DASHBOARD}projects_by_status.csv?{query}"))
    from_csv = {row[0]: int(row[1]) for row in csv_rows[1:]}
    from_api = {
        row["label"]: row["value"] for row in indicators["projects_by_status"]["rows"]
    }
    assert from_api == from_csv
    page = client.get(f"{DASHBOARD}?{query}")
    assert page.context["summary"] == indicators["summary"]
    for name in (
        "projects_by_institute",
        "projects_by_year",
        "projects_by_stage",
        "domain_technique",
        "datasets",
        "evaluation_coverage",
        "evaluation_verdicts",
        "collaboration",
        "funding",
        "summary",
    ):
        assert name in indicators
    assert "rows" in payload["trends"]


def test_api_rejects_invalid_filters(scene, client):
    response = client.get("/api/v1/indicators/?year_from=abc")
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "year_from"


def test_cached_numbers_follow_unpublishing(scene, client):
    first = client.get(DASHBOARD).context["summary"]["projects"]
    # Wagtail's unpublish saves with update_fields: no updated_at, no signal to rely on.
    Project.objects.filter(pk=scene.projects["B"].pk).update(live=False)
    second = client.get(DASHBOARD).context["summary"]["projects"]
    assert (first, second) == (5, 4)
