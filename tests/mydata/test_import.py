"""The import: the sources' citizen columns, and the dataset_uses kind that sets each
use's legal basis on a new revision of the project, refusing what the rules refuse."""

import pytest

from projects.imports.engine import import_execute
from projects.models import Project
from registry.models import Dataset
from tests.factories import DatasetFactory, OrganisationFactory, ProjectFactory
from tests.imports.conftest import csv_file

pytestmark = pytest.mark.django_db

HEADER = (
    "project,lead_organisation,dataset,purpose,access_status,legal_framework,"
    "authorisation_reference,authorisation_date,data_controller,data_leave_source\n"
)


@pytest.fixture
def project():
    lead = OrganisationFactory(name="CHU de Lille", acronym="CHU Lille")
    DatasetFactory(name="Système national des données de santé", acronym="SNDS")
    return ProjectFactory(acronym="SEPSIS", lead_organisation=lead)


def run(text: str):
    return import_execute(files=[csv_file("usages.csv", text)], kind="dataset_uses")[1]


def test_dataset_uses_import_writes_a_revision_with_the_legal_basis(project):
    report = run(
        HEADER + "SEPSIS,CHU Lille,SNDS,entraînement,granted,cnil-authorisation,"
        "DR-2024-77,02/05/2024,CHU de Lille,non\n"
    )
    assert report.errors == []
    assert report.counts["dataset_uses"]["created"] == 1
    draft = Project.objects.get(pk=project.pk).get_latest_revision_as_object()
    use = draft.dataset_uses.get()
    assert use.legal_framework == "cnil-authorisation"
    assert use.authorisation_reference == "DR-2024-77"
    assert use.authorisation_date.isoformat() == "2024-05-02"
    assert use.data_leave_source is False
    # Never published by an import: the live rows are untouched.
    assert not project.dataset_uses.exists()
    again = run(
        HEADER + "SEPSIS,CHU Lille,SNDS,entraînement,granted,cnil-authorisation,"
        "DR-2024-77,02/05/2024,CHU de Lille,non\n"
    )
    assert again.counts["dataset_uses"]["unchanged"] == 1


def test_the_rules_refuse_a_methodology_with_a_number(project):
    report = run(HEADER + "SEPSIS,CHU Lille,SNDS,,,mr-004,DR-1,,,\n")
    assert [(error.column, error.row) for error in report.errors] == [
        ("authorisation_reference", 2)
    ]
    report = run(HEADER + "SEPSIS,CHU Lille,SNDS,,,cnil-authorisation,,,,\n")
    assert [error.column for error in report.errors] == ["authorisation_reference"]
    report = run(HEADER + "INCONNU,CHU Lille,SNDS,,,mr-004,,,,\n")
    assert [error.column for error in report.errors] == ["project"]


def test_dataset_import_reads_the_citizen_columns():
    OrganisationFactory(name="Inserm", acronym="Inserm")
    text = (
        "name,producer,kind,description,access_route,access_procedure,region,"
        "data_controller,information_url,objection_url,objection_procedure\n"
        "Cohorte Constances,Inserm,cohort,Cohorte.,cohort,Dossier.,IDF,Inserm,"
        "https://www.constances.fr,,Écrire à l’équipe.\n"
    )
    _kind, report = import_execute(files=[csv_file("d.csv", text)], kind="datasets")
    assert report.errors == []
    dataset = Dataset.objects.get()
    assert dataset.region == "IDF"
    assert dataset.information_url == "https://www.constances.fr"
    assert dataset.objection_procedure == "Écrire à l’équipe."
