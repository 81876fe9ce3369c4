"""The page (French and English), its CSV downloads and the JSON API give the same
numbers; the URL keeps the filters; cached numbers follow the data."""

import csv
import io
import re

import pytest
from django.urls import reverse

from projects.dashboard.blocks import BUILDERS

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
    # Every block says what it counts, and every table can be reached by keyboard.
    assert html.count('class="fr-text--sm dashboard-definition"') == len(BUILDERS)
    assert html.count('tabindex="0" role="region" aria-label="Tableau : ') == len(
        BUILDERS
    )
    assert 'scope="col"' in html and 'scope="row"' in html
    assert html.count("/tableau-de-bord/") >= len(BUILDERS)
    for name in ("projects_by_institute", "network", "trends", "domain_technique"):
        assert f"/tableau-de-bord/{name}.csv" in html
    assert "Inserm participe au plus grand nombre de projets : 3 sur 5" in html
    assert "dont 2 qu’il porte" in html
    assert "Non comptés : 0 projets publiés qui n’ont pas encore démarré" in html
    assert "aucun instantané de ce mois" in html  # no snapshot: no comparison
    assert "https://cdn" not in html  # charts come from the server, no CDN


def test_english_page(scene, client):
    response = client.get("/en/tableau-de-bord/")
    assert response.status_code == 200
    assert '<html lang="en"' in response.content.decode()


def test_english_page_has_english_bands_and_tooltips(scene, client):
    html = client.get("/en/tableau-de-bord/").content.decode()
    assert "≤ 3 months" in html and "3 to 6 months" in html
    assert "≤ 3 mois" not in html and "6 à 12 mois" not in html
    assert "Projects: 3</title>" in html or ", Projects: " in html
    # No French spacing before a colon in any tooltip or chart title.
    assert not re.findall(r"<title>[^<]*\w : [^<]*</title>", html)
    french = client.get(DASHBOARD).content.decode()
    assert ", Projets : " in french


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
    assert rows[0] == ["Institut", "Projets (participation)", "dont portés"]
    counts = {row[0]: (int(row[1]), int(row[2])) for row in rows[1:]}
    assert counts == {"Inserm": (3, 2), "Inria": (3, 2), "CNRS": (1, 1), "CEA": (1, 1)}

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


@pytest.mark.parametrize(
    "query", ["year_from=abc", "institute=999999", "domain=x", "year_to=3000"]
)
def test_csv_rejects_invalid_filters_like_the_api(scene, client, query):
    for url in (
        f"{DASHBOARD}projects_by_institute.csv?{query}",
        f"{DASHBOARD}?format=csv&indicator=projects_by_institute&{query}",
    ):
        response = client.get(url)
        assert response.status_code == 400, url
        assert response.json()["errors"][0]["code"] == "invalid"
    assert client.get(f"/api/v1/indicators/?{query}").status_code == 400


def test_every_indicator_has_its_definition_in_the_api(scene, client):
    payload = client.get("/api/v1/indicators/").json()
    for name, indicator in payload["indicators"].items():
        if name not in ("summary", "computed_on"):
            assert len(indicator["definition"]) > 30, name
    assert set(payload["definitions"]) >= {"dataset_access", "trends", "network"}
    access = payload["indicators"]["datasets"]["access"]
    assert access["granted_share_basis"] == "granted / (granted + refused)"
    assert "refusées" in payload["definitions"]["dataset_access"]
    assert payload["comparison"]["available"] is False
    english = client.get("/en/api/v1/indicators/", HTTP_ACCEPT_LANGUAGE="en")
    if english.status_code == 200:
        assert english.json()["indicators"]["evaluation_verdicts"]["delay_bands"]


def test_maturity_without_assurance_page_api_and_csv(scene, client):
    html = client.get(DASHBOARD).content.decode()
    assert 'id="indicateur-maturity_without_assurance"' in html
    rows = parse_csv(client.get(f"{DASHBOARD}maturity_without_assurance.csv"))
    assert rows[0][:5] == [
        "Projet",
        "Stade",
        "Marquage CE",
        "Risque AI Act",
        "Institut porteur",
    ]
    assert sorted(row[0] for row in rows[1:]) == ["D", "F"]
    filtered = parse_csv(
        client.get(
            f"{DASHBOARD}maturity_without_assurance.csv?institute={scene.inria.pk}"
        )
    )
    assert [row[0] for row in filtered[1:]] == ["F"]
    api = client.get(f"/api/v1/indicators/?institute={scene.inria.pk}").json()
    assert [
        row["label"] for row in api["indicators"]["maturity_without_assurance"]["rows"]
    ] == ["F"]


def test_maturity_csv_neutralises_formulas(scene, client):
    project = scene.projects["F"]
    project.acronym = "=HYPERLINK(1)"
    project.save()
    rows = parse_csv(client.get(f"{DASHBOARD}maturity_without_assurance.csv"))
    assert "'=HYPERLINK(1)" in [row[0] for row in rows[1:]]


def test_home_page_counts_institutes_as_the_dashboard_does(scene, client):
    from tests.dashboard.test_indicators import compute

    rows = {row["label"]: row for row in compute()["projects_by_institute"]["rows"]}
    html = client.get("/").content.decode()
    assert "2 projets portés (3 en participation)" in html  # Inserm and Inria
    assert "1 projets portés (1 en participation)" in html  # CNRS and CEA
    assert (rows["Inserm"]["lead"], rows["Inserm"]["value"]) == (2, 3)
    assert "/tableau-de-bord/#indicateur-projects_by_institute" in html


def test_cached_numbers_follow_unpublishing(
    scene, client, django_capture_on_commit_callbacks
):
    first = client.get(DASHBOARD).context["summary"]["projects"]
    # Wagtail's unpublish saves with update_fields (updated_at stays): its post_save
    # draws a new generation once committed.
    with django_capture_on_commit_callbacks(execute=True):
        scene.projects["B"].unpublish()
    second = client.get(DASHBOARD).context["summary"]["projects"]
    assert (first, second) == (5, 4)
