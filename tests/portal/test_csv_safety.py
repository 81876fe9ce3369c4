"""Issue 17, item 5: no CSV the portal writes carries a cell a spreadsheet would run
as a formula (the OWASP rule: text starting with = + - @ tab or CR gets a `'`)."""

import csv
import io

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse

from portal.core.csv_safety import csv_safe
from tests.dashboard.scene import build_scene
from tests.factories import EvaluationFactory, OrganisationFactory, ProjectFactory

pytestmark = pytest.mark.django_db

HYPERLINK = '=HYPERLINK("http://evil.example","Cliquez")'


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        (HYPERLINK, "'" + HYPERLINK),
        ("+33 1 23", "'+33 1 23"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Inria", "Inria"),
        ("", ""),
        ("a=b", "a=b"),
        (-3, -3),  # a number is written as a number: never a formula
        (-2.5, -2.5),
    ],
)
def test_the_rule(cell, written):
    assert csv_safe(cell) == written


def rows_of(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))


@pytest.fixture
def hostile_registry():
    lead = OrganisationFactory(name="@SUM(1+1)", city="-2+3")
    project = ProjectFactory(
        title=HYPERLINK, summary="+cmd|' /C calc'!A0", lead_organisation=lead
    )
    EvaluationFactory(project=project, summary="=1+1", model_version="-1")
    return project


def download(client, resource: str) -> list[dict]:
    url = reverse("opendata:export", kwargs={"resource": resource, "fmt": "csv"})
    return rows_of(b"".join(client.get(url).streaming_content).decode())


def assert_neutralised(projets, organisations, evaluations):
    project = next(row for row in projets if row["summary"].startswith("'+"))
    assert project["title"] == "'" + HYPERLINK
    assert project["summary"] == "'+cmd|' /C calc'!A0"
    organisation = next(row for row in organisations if row["name"] == "'@SUM(1+1)")
    assert organisation["city"] == "'-2+3"
    assert evaluations[0]["summary"] == "'=1+1"
    assert evaluations[0]["model_version"] == "'-1"  # text, even if it looks numeric
    for rows in (projets, organisations, evaluations):
        for row in rows:
            for value in row.values():
                assert not value.startswith(("=", "+", "-", "@", "\t", "\r"))


def test_live_downloads_neutralise_formulas(client, hostile_registry):
    assert_neutralised(
        download(client, "projets"),
        download(client, "organisations"),
        download(client, "evaluations"),
    )


def test_scheduled_export_files_neutralise_formulas(
    hostile_registry, tmp_path, settings
):
    settings.OPEN_DATA_EXPORT_DIR = tmp_path
    call_command("export_registry", stdout=io.StringIO())

    def read(name):
        return rows_of((tmp_path / f"{name}.csv").read_text(encoding="utf-8"))

    assert_neutralised(read("projets"), read("organisations"), read("evaluations"))


def test_dashboard_csv_neutralises_formulas_and_keeps_numbers(client):
    cache.clear()
    scene = build_scene()
    scene.inria.name = scene.inria.acronym = "=HYPERLINK(1)"
    scene.inria.save()
    response = client.get("/tableau-de-bord/projects_by_institute.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    labels = [row[0] for row in rows[1:]]
    assert "'=HYPERLINK(1)" in labels
    assert not any(label.startswith("=") for label in labels)
    assert all(row[1].lstrip("-").isdigit() for row in rows[1:])
    cache.clear()
