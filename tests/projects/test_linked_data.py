"""Project and dataset pages carry schema.org JSON-LD that parses and describes them."""

import json
import re

import pytest

from tests.factories import DatasetFactory
from tests.factories.scenarios import rich_project

pytestmark = pytest.mark.django_db

JSONLD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def jsonld_of(client, url: str) -> dict:
    content = client.get(url).content.decode()
    blocks = JSONLD.findall(content)
    assert len(blocks) == 1
    return json.loads(blocks[0])


def test_project_page_describes_a_research_project(client):
    project = rich_project(title="Prédire l’AVC </script><script>alert(1)</script>")
    data = jsonld_of(client, project.get_absolute_url())
    assert data["@type"] == "ResearchProject"
    assert data["name"] == project.title  # escaped in HTML, intact once parsed
    assert data["url"].endswith(project.get_absolute_url())
    assert data["parentOrganization"]["name"] == project.lead_organisation.name
    assert len(data["member"]) == 3
    assert "Oncologie" in data["about"]


def test_dataset_page_describes_a_dataset_without_data(client):
    dataset = DatasetFactory(name="Cohorte Constances", period_start=2012)
    data = jsonld_of(client, dataset.get_absolute_url())
    assert data["@type"] == "Dataset"
    assert data["name"] == "Cohorte Constances"
    assert data["temporalCoverage"] == "2012/.."
    assert data["creator"]["name"] == dataset.producer.name
    assert "distribution" not in data


def test_sitemap_lists_public_records(client):
    project = rich_project()
    content = client.get("/sitemap.xml").content.decode()
    assert project.get_absolute_url() in content
    assert project.lead_team.get_absolute_url() in content
    assert "/a-propos/" in content
