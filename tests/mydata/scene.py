"""A hospital warehouse, the national claims base and a cohort, with published and
unpublished projects using them (issue 18)."""

import datetime
from dataclasses import dataclass

from projects.models import Project, ProjectDataset
from registry.models import Dataset, Organisation
from tests.factories import (
    DatasetFactory,
    EvaluationFactory,
    OrganisationFactory,
    ProjectDatasetFactory,
    ProjectFactory,
)


@dataclass
class Scene:
    warehouse: Dataset
    snds: Dataset
    cohort: Dataset
    published: Project
    authorised: Project
    unpublished: Project


def make_scene() -> Scene:
    chu = OrganisationFactory(
        name="Centre hospitalier universitaire de Bordeaux",
        acronym="CHU de Bordeaux",
        kind=Organisation.Kind.HOSPITAL,
        city="Bordeaux",
    )
    warehouse = DatasetFactory(
        name="Entrepôt de données de santé du CHU de Bordeaux",
        acronym="EDS CHU de Bordeaux",
        producer=chu,
        kind=Dataset.Kind.HOSPITAL_WAREHOUSE,
        region="NAQ",
        data_controller="CHU de Bordeaux",
        objection_procedure="Écrire au délégué à la protection des données du CHU.",
    )
    snds = DatasetFactory(
        name="Système national des données de santé",
        acronym="SNDS",
        producer=OrganisationFactory(name="Caisse nationale de l’Assurance maladie"),
        kind=Dataset.Kind.CLAIMS,
        information_url="https://www.snds.gouv.fr",
    )
    cohort = DatasetFactory(name="Cohorte Constances", acronym="Constances")
    published = ProjectFactory(
        title="Détection précoce du sepsis",
        summary="Prédire le sepsis six heures plus tôt. Deuxième phrase ignorée.",
        end_date=datetime.date(2027, 12, 31),
    )
    ProjectDatasetFactory(
        project=published,
        dataset=warehouse,
        purpose="entraînement",
        legal_framework="mr-004",
        data_controller="CHU de Bordeaux",
        data_leave_source=False,
    )
    EvaluationFactory(project=published)
    authorised = ProjectFactory(title="Parcours de soins du diabète")
    ProjectDatasetFactory(
        project=authorised,
        dataset=warehouse,
        legal_framework="cnil-authorisation",
        authorisation_reference="DR-2024-123",
        authorisation_date=datetime.date(2024, 5, 2),
    )
    ProjectDatasetFactory(project=authorised, dataset=snds, legal_framework="mr-005")
    unpublished = ProjectFactory(title="Projet brouillon secret", live=False)
    ProjectDatasetFactory(
        project=unpublished,
        dataset=warehouse,
        legal_framework="consent",
        access_status=ProjectDataset.AccessStatus.REQUESTED,
    )
    return Scene(warehouse, snds, cohort, published, authorised, unpublished)
