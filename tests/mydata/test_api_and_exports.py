"""The legal basis in the API, the exports (formula-neutralised) and the JSON-LD;
the sources' citizen fields in the dataset API. Unpublished links never appear."""

import csv
import io
import json

import pytest
from django.urls import reverse

from projects.models import ProjectDataset
from tests.factories import ProjectDatasetFactory
from tests.mydata.scene import make_scene

pytestmark = pytest.mark.django_db
HOSTILE = '=HYPERLINK("http://evil.example","x")'


def test_project_api_reads_the_legal_basis(client):
    scene = make_scene()
    url = f"/api/v1/projects/{scene.authorised.slug}/?expand=datasets"
    uses = {use["dataset"]["slug"]: use for use in client.get(url).json()["datasets"]}
    assert uses[scene.warehouse.slug] | {"dataset": None} == {
        "dataset": None,
        "purpose": "",
        "access_status": "granted",
        "legal_framework": "cnil-authorisation",
        "authorisation_reference": "DR-2024-123",
        "authorisation_date": "2024-05-02",
        "data_controller": "",
        "data_leave_source": None,
    }
    assert uses[scene.snds.slug]["legal_framework"] == "mr-005"


def test_dataset_api_gives_citizen_fields_and_public_uses_only(client):
    scene = make_scene()
    body = client.get(
        f"/api/v1/datasets/{scene.warehouse.slug}/?expand=projects"
    ).json()
    assert body["region"] == "NAQ"
    assert body["data_controller"] == "CHU de Bordeaux"
    assert body["objection_procedure"].startswith("Écrire au délégué")
    frameworks = sorted(use["legal_framework"] for use in body["projects"])
    assert frameworks == ["cnil-authorisation", "mr-004"]  # not the draft's consent


def download(client, resource: str) -> list[dict]:
    url = reverse("opendata:export", kwargs={"resource": resource, "fmt": "csv"})
    text = b"".join(client.get(url).streaming_content).decode()
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))


def test_data_uses_export_neutralises_formulas_and_skips_drafts(client):
    scene = make_scene()
    ProjectDataset.objects.filter(project=scene.published).update(
        data_controller=HOSTILE
    )
    rows = download(client, "utilisations-de-donnees")
    by_project = {(row["project"], row["dataset"]): row for row in rows}
    assert len(rows) == 3
    assert (scene.unpublished.slug, scene.warehouse.slug) not in by_project
    published = by_project[(scene.published.slug, scene.warehouse.slug)]
    assert published["data_controller"] == "'" + HOSTILE
    assert published["legal_framework"] == "mr-004"
    assert published["data_leave_source"] == "false"
    authorised = by_project[(scene.authorised.slug, scene.warehouse.slug)]
    assert authorised["authorisation_reference"] == "DR-2024-123"
    assert authorised["authorisation_date"] == "2024-05-02"


def test_datasets_export_has_the_citizen_columns(client):
    scene = make_scene()
    scene.cohort.objection_procedure = "@SUM(1+1)"
    scene.cohort.save()
    rows = {row["slug"]: row for row in download(client, "jeux-de-donnees")}
    assert rows[scene.warehouse.slug]["region"] == "NAQ"
    assert rows[scene.snds.slug]["information_url"] == "https://www.snds.gouv.fr"
    assert rows[scene.cohort.slug]["objection_procedure"] == "'@SUM(1+1)"


def test_project_jsonld_describes_each_use_and_its_basis(client):
    scene = make_scene()
    page = client.get(scene.authorised.get_absolute_url()).content.decode()
    script = page.split('<script type="application/ld+json">', 1)[1].split("</script>")[
        0
    ]
    data = json.loads(script)
    uses = {use["name"]: use for use in data["isBasedOn"]}
    basis = uses[scene.warehouse.name]["usageInfo"]
    assert basis["identifier"] == "DR-2024-123"
    assert basis["dateCreated"] == "2024-05-02"
    assert "CESREES" in basis["name"]
    assert uses[scene.snds.name]["usageInfo"]["identifier"] == "mr-005"


def test_dataset_jsonld_names_the_controller(client):
    scene = make_scene()
    page = client.get(scene.warehouse.get_absolute_url()).content.decode()
    assert '"maintainer": {"@type": "Organization", "name": "CHU de Bordeaux"}' in page


def test_unpublished_uses_stay_out_of_the_api(client):
    draft_use = ProjectDatasetFactory(
        project__live=False, legal_framework="consent", data_controller="Secret"
    )
    body = client.get(f"/api/v1/datasets/{draft_use.dataset.slug}/?expand=projects")
    assert "Secret" not in body.content.decode()
