"""The project's real open-data files import through the engine, with provenance,
and a second run of the same files changes nothing."""

import pytest

from projects.imports.engine import import_execute
from projects.imports.kinds.anr import ANR_SOURCE
from projects.imports.selectors import record_provenance
from projects.models import Project
from registry.models import Organisation
from tests.imports.conftest import table_counts

pytestmark = pytest.mark.django_db

HOSPITAL_FILES = [
    "french_university_hospitals_ror.csv",
    "french_cancer_centres_ror.csv",
]
ANR_FILES = ["anr_health_projects.csv", "anr_health_partners.csv"]


def test_hospital_files_import_as_organisations_keyed_by_ror(real_file):
    for name in HOSPITAL_FILES:
        kind, report = import_execute(files=[real_file(name)])
        assert report.errors == [] and kind == "organisations"

    assert Organisation.objects.filter(kind="hospital").count() == 52
    bordeaux = Organisation.objects.get(ror_id="01hq89f96")
    assert bordeaux.source.startswith("French Open Science Monitor")
    assert record_provenance(record=bordeaux).file_name == (
        "french_university_hospitals_ror.csv"
    )


def test_anr_consortia_import_with_zero_errors_then_again_as_a_no_op(real_file):
    for name in HOSPITAL_FILES:
        import_execute(files=[real_file(name)])
    files = [real_file(name) for name in ANR_FILES]

    kind, report = import_execute(files=files)

    assert kind == "anr" and report.errors == []
    assert report.counts["projects"]["created"] == 111
    assert Project.objects.count() == 111
    assert not Project.objects.public().exists()  # drafts, for moderation
    # Partners matched to the CHU and cancer-centre lists rather than duplicated.
    assert Organisation.objects.filter(name__icontains="Gustave").count() == 1
    assert not Organisation.objects.filter(name__in=["CHU de Bordeaux", "AP-HP"])
    assert Organisation.objects.get(ror_id="01hq89f96").project_partnerships.exists()
    lyon = Organisation.objects.get(name="INSERM Délégation Auvergne-Rhône-Alpes")
    assert lyon.city == "Bron" and lyon.source == ANR_SOURCE
    immunolife = Project.objects.get(acronym="IMMUNOLIFE")
    assert immunolife.lead_organisation.ror_id == "0321g0743"  # Gustave-Roussy
    assert immunolife.fundings.get().grant_reference == "ANR-21-RHUS-0017"
    assert record_provenance(record=immunolife).source == ANR_SOURCE
    before = table_counts()

    _kind, again = import_execute(files=files)

    assert again.errors == []
    assert again.total("created") == 0 and again.total("updated") == 0
    assert again.counts["projects"]["unchanged"] == 111
    assert table_counts() == before
