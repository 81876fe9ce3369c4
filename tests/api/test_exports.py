"""Open data: exports parse back and match the database, the page lists the
generated files, the DCAT catalogue and the Atom feeds are well formed."""

import csv
import inspect
import io
import json
import xml.etree.ElementTree as ElementTree

import pytest
from django.core.management import call_command
from django.urls import reverse

from portal.opendata.resources import FORMATS, RESOURCES
from registry.models import Dataset
from tests.factories import DatasetFactory, ProjectFactory, domain
from tests.factories.scenarios import rich_project

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def registry():
    for _ in range(3):
        rich_project()
    rich_project(live=False)
    DatasetFactory(period_start=2006, period_end=2020, access_url="https://hdh.fr/")


def parse(fmt: str, text: str) -> list[dict]:
    if fmt == "csv":
        return list(csv.DictReader(io.StringIO(text)))
    return [json.loads(line) for line in text.splitlines()]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", RESOURCES)
def test_live_exports_parse_back_and_match_the_database(client, registry, name, fmt):
    response = client.get(
        reverse("opendata:export", kwargs={"resource": name, "fmt": fmt})
    )
    assert response.status_code == 200 and response.streaming
    assert "attachment" in response["Content-Disposition"]
    rows = parse(fmt, b"".join(response.streaming_content).decode())
    resource = RESOURCES[name]
    assert len(rows) == resource.count() > 0
    assert list(rows[0]) == list(resource.columns)
    assert "email" not in rows[0]


def test_csv_lists_and_jsonl_lists(client, registry):
    url = reverse("opendata:export", kwargs={"resource": "projets", "fmt": "jsonl"})
    first = json.loads(
        next(iter(b"".join(client.get(url).streaming_content).splitlines()))
    )
    assert isinstance(first["domains"], list) and first["domains"]
    url = reverse("opendata:export", kwargs={"resource": "projets", "fmt": "csv"})
    row = next(
        csv.DictReader(
            io.StringIO(b"".join(client.get(url).streaming_content).decode())
        )
    )
    assert " | " in row["domains"]


def test_export_registry_writes_every_file_and_the_page_lists_them(
    client, registry, tmp_path, settings
):
    settings.OPEN_DATA_EXPORT_DIR = tmp_path
    output = io.StringIO()
    call_command("export_registry", stdout=output)
    assert "projets.csv" in output.getvalue() and "/" in output.getvalue()
    for name, resource in RESOURCES.items():
        for fmt in FORMATS:
            text = (tmp_path / f"{name}.{fmt}").read_text(encoding="utf-8")
            assert len(parse(fmt, text)) == resource.count()
    assert not list(tmp_path.glob(".*partial"))
    page = client.get(reverse("opendata:index")).content.decode()
    assert page.count("généré le") == len(RESOURCES) * len(FORMATS)
    assert "pas encore" not in page


def test_the_page_says_when_no_file_was_generated(client, tmp_path, settings):
    settings.OPEN_DATA_EXPORT_DIR = tmp_path / "absent"
    page = client.get(reverse("opendata:index")).content.decode()
    # Said once for the whole table, not in each of its cells (issue 16).
    assert page.count("pas encore d’export planifié") == 1


def test_exports_stream_in_chunks_with_constant_memory(registry, monkeypatch):
    """Rows come from a server-side iterator and leave in batches: nothing holds
    the whole export (the generator is consumed as the response is sent)."""
    from django.db.models import QuerySet

    from portal.opendata import streams

    chunk_sizes = []
    real_iterator = QuerySet.iterator

    def recording_iterator(queryset, chunk_size=None):
        chunk_sizes.append(chunk_size)
        return real_iterator(queryset, chunk_size=chunk_size)

    monkeypatch.setattr(QuerySet, "iterator", recording_iterator)
    monkeypatch.setattr(streams, "ROWS_PER_CHUNK", 1)
    chunks = streams.jsonl_chunks(RESOURCES["projets"])
    assert inspect.isgenerator(chunks)
    assert len(list(chunks)) == RESOURCES["projets"].count()
    assert chunk_sizes == [RESOURCES["projets"].rows.__kwdefaults__["chunk_size"]]


def test_dcat_catalogue_describes_exports_and_datasets(client, registry):
    response = client.get(reverse("opendata:catalogue"))
    assert response["Content-Type"].startswith("application/ld+json")
    catalogue = response.json()
    assert catalogue["@type"] == "dcat:Catalog"
    datasets = catalogue["dcat:dataset"]
    exports = [
        d
        for d in datasets
        if d.get("dcat:distribution") and d["dct:identifier"] in RESOURCES
    ]
    assert len(exports) == len(RESOURCES)
    for export in exports:
        assert {d["dct:format"] for d in export["dcat:distribution"]} == {
            "CSV",
            "JSONL",
        }
    described = [d for d in datasets if d["dct:identifier"] not in RESOURCES]
    assert len(described) == Dataset.objects.count()
    with_period = [d for d in described if "dct:temporal" in d]
    assert with_period[0]["dct:temporal"]["dcat:startDate"]["@type"] == "xsd:date"
    for entry in datasets:
        assert entry["@id"].startswith("http")


def feed_titles(client, url: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ElementTree.fromstring(response.content)
    return [entry.find(f"{ATOM}title").text for entry in root.iter(f"{ATOM}entry")]


def test_atom_feeds_take_the_list_pages_filters(client):
    breast = ProjectFactory(title="Mammographie", domains=[domain("cancer-du-sein")])
    heart = ProjectFactory(title="Électrocardiogramme", domains=[domain("cardiologie")])
    from tests.factories import EvaluationFactory

    EvaluationFactory(project=breast)
    EvaluationFactory(project=heart)
    everything = feed_titles(client, reverse("opendata:project_feed"))
    assert any("Mammographie" in t for t in everything)
    assert any("Électrocardiogramme" in t for t in everything)
    oncology = f"?domain={domain('oncologie').pk}"
    only = feed_titles(client, reverse("opendata:project_feed") + oncology)
    assert len(only) == 1 and "Mammographie" in only[0]
    evaluations = feed_titles(client, reverse("opendata:evaluation_feed") + oncology)
    assert len(evaluations) == 1 and "Mammographie" in evaluations[0]
