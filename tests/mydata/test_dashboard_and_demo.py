"""The dashboard's indicator of data uses by legal basis and source type, and the
demo's legal bases consistent with each source."""

import io

import pytest

from portal.core.progress import Progress
from portal.demo.legal_bases import load_legal_bases
from projects.dashboard.blocks.legal_bases import block_legal_bases
from projects.dashboard.filters import dashboard_filters
from projects.dashboard.indicators.legal_bases import indicator_legal_bases
from projects.models import Project, ProjectDataset
from registry.models import Dataset
from tests.factories import DatasetFactory, ProjectDatasetFactory, ProjectFactory
from tests.mydata.scene import make_scene

pytestmark = pytest.mark.django_db


def test_indicator_counts_public_uses_by_basis_and_kind():
    make_scene()
    filters, _filterset = dashboard_filters()
    data = indicator_legal_bases(filters=filters)
    rows = {row["key"]: row for row in data["rows"]}
    # Published: MR-004 and an authorisation on the warehouse, MR-005 on the SNDS;
    # the draft's consent is not counted.
    assert data["total"] == 3
    assert set(rows) == {"reference_methodology", "cnil_authorisation"}
    assert rows["reference_methodology"]["by_kind"] == {"claims": 1, "warehouse": 1}
    assert rows["cnil_authorisation"]["share"] == 33.3
    assert data["frameworks"] == {"cnil-authorisation": 1, "mr-004": 1, "mr-005": 1}
    block = block_legal_bases({"legal_bases": data})
    assert [cell.text for cell in block.rows[0][:3]] == [
        "Méthodologie de référence (MR-001 à MR-008)",
        "2",
        "66,7 %",
    ]


def test_dashboard_page_shows_the_block(client):
    make_scene()
    page = client.get("/tableau-de-bord/").content.decode()
    assert "Utilisations de données par base juridique et type de source" in page


def test_demo_bases_follow_each_source():
    snds = DatasetFactory(
        acronym="SNDS",
        kind=Dataset.Kind.CLAIMS,
        access_route=Dataset.AccessRoute.HEALTH_DATA_HUB,
    )
    warehouse = DatasetFactory(
        acronym="EDS CHU de Bordeaux", kind=Dataset.Kind.HOSPITAL_WAREHOUSE
    )
    cohort = DatasetFactory(acronym="Constances", kind=Dataset.Kind.COHORT)
    imaging = DatasetFactory(acronym="Images", kind=Dataset.Kind.IMAGING)
    projects = [ProjectFactory() for _ in range(6)]
    for project in projects:
        for dataset in (snds, warehouse, cohort, imaging):
            ProjectDatasetFactory(project=project, dataset=dataset)
        Project.objects.get(pk=project.pk).save_revision()
    edited = ProjectDatasetFactory(legal_framework="other")

    assert load_legal_bases(Progress(io.StringIO(), "test")) == 18
    for use in ProjectDataset.objects.exclude(pk=edited.pk).select_related("dataset"):
        use.full_clean()  # every demo basis passes the rules
        expected = {
            snds.pk: {"mr-004", "mr-005", "cnil-authorisation"},
            warehouse.pk: {"mr-004"},
            cohort.pk: {"consent"},
            imaging.pk: {""},
        }[use.dataset_id]
        assert use.legal_framework in expected
        if use.legal_framework == "cnil-authorisation":
            assert use.authorisation_reference.startswith("DEMO-")
    edited.refresh_from_db()
    assert edited.legal_framework == "other"  # an edit is never overwritten
    warehouse.refresh_from_db()
    assert (warehouse.region, warehouse.data_controller) == (
        "NAQ",
        warehouse.producer.name,
    )
    assert warehouse.information_url == ""  # no page invented
    snds.refresh_from_db()
    assert snds.information_url == "https://www.snds.gouv.fr"
    # The editing forms read the latest revision: it carries the same bases.
    draft = Project.objects.get(pk=projects[0].pk).latest_revision.as_object()
    assert {use.legal_framework for use in draft.dataset_uses.all()} >= {"consent"}
    assert load_legal_bases(Progress(io.StringIO(), "test")) == 0
