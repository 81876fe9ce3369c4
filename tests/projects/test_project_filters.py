"""The project list narrows by institute, team, domain (with its sub-domains),
technique, dataset, status, stage, evaluation verdict and start year; filters combine."""

import datetime

import pytest
from django.urls import reverse

from tests.factories import (
    DatasetFactory,
    EvaluationFactory,
    OrganisationFactory,
    ProjectDatasetFactory,
    ProjectFactory,
    ProjectPartnerFactory,
    TeamFactory,
    domain,
    technique,
)

pytestmark = pytest.mark.django_db


def listed_slugs(client, query: str) -> set[str]:
    response = client.get(reverse("projects:project_list") + "?" + query)
    assert response.status_code == 200
    return {project.slug for project in response.context["paginator"].object_list}


@pytest.fixture
def scene():
    inria = OrganisationFactory(name="Inria", acronym="Inria")
    inserm = OrganisationFactory(name="Inserm", acronym="Inserm")
    inria_team = TeamFactory(parents=[inria])
    inserm_team = TeamFactory(parents=[inserm])
    snds = DatasetFactory(name="SNDS")
    ProjectFactory(
        acronym="IMAGING",
        lead_organisation=inria,
        lead_team=inria_team,
        domains=[domain("cancer-du-sein")],
        techniques=[technique("reseaux-convolutifs")],
        trl=3,
        status="active",
        start_date=datetime.date(2023, 2, 1),
    )
    claims = ProjectFactory(
        acronym="CLAIMS",
        lead_organisation=inserm,
        lead_team=inserm_team,
        domains=[domain("cardiologie")],
        techniques=[technique("modeles-de-survie")],
        trl=8,
        status="completed",
        start_date=datetime.date(2021, 6, 1),
    )
    ProjectDatasetFactory(project=claims, dataset=snds)
    # A joint project: led by Inserm, with an Inria team as partner.
    joint = ProjectFactory(
        acronym="JOINT",
        lead_organisation=inserm,
        lead_team=inserm_team,
        domains=[domain("avc")],
        techniques=[technique("transformers")],
        trl=6,
        status="active",
        start_date=datetime.date(2023, 9, 1),
    )
    ProjectPartnerFactory(project=joint, team=inria_team)
    EvaluationFactory(project=claims, verdict="favourable")
    EvaluationFactory(
        project=joint,
        verdict="unfavourable",
        status="completed",
        published_on=None,
        reference="inesia-hidden",
    )
    ProjectFactory(
        acronym="DRAFT",
        live=False,
        lead_organisation=inria,
        domains=[domain("cancer-du-sein")],
    )
    return {"inria": inria, "inserm": inserm, "inria_team": inria_team, "snds": snds}


def test_no_filter_lists_published_projects_only(client, scene):
    assert listed_slugs(client, "") == {"imaging", "claims", "joint"}


def test_institute_covers_lead_and_partner_teams(client, scene):
    assert listed_slugs(client, f"institute={scene['inria'].pk}") == {
        "imaging",
        "joint",
    }


def test_team_filter(client, scene):
    assert listed_slugs(client, f"team={scene['inria_team'].pk}") == {
        "imaging",
        "joint",
    }


def test_domain_heading_includes_its_sub_domains(client, scene):
    assert listed_slugs(client, f"domain={domain('oncologie').pk}") == {"imaging"}
    neurology_or_cardiology = (
        f"domain={domain('neurologie').pk}&domain={domain('cardiologie').pk}"
    )
    assert listed_slugs(client, neurology_or_cardiology) == {"claims", "joint"}


def test_technique_heading_includes_its_sub_techniques(client, scene):
    deep = technique("apprentissage-profond").pk
    assert listed_slugs(client, f"technique={deep}") == {"imaging", "joint"}


def test_dataset_status_stage_year(client, scene):
    assert listed_slugs(client, f"dataset={scene['snds'].pk}") == {"claims"}
    assert listed_slugs(client, "status=active") == {"imaging", "joint"}
    assert listed_slugs(client, "stage=research") == {"imaging"}
    assert listed_slugs(client, "stage=clinical_validation&stage=deployed") == {
        "claims",
        "joint",
    }
    assert listed_slugs(client, "start_year=2023") == {"imaging", "joint"}


def test_verdict_uses_published_evaluations_only(client, scene):
    assert listed_slugs(client, "verdict=favourable") == {"claims"}
    assert listed_slugs(client, "verdict=unfavourable") == set()


def test_filters_combine(client, scene):
    query = (
        f"institute={scene['inria'].pk}&status=active&start_year=2023"
        "&stage=clinical_validation"
    )
    assert listed_slugs(client, query) == {"joint"}


def test_bad_filter_values_are_reported_not_crashing(client, scene):
    response = client.get(
        reverse("projects:project_list") + "?start_year=deux&status=nope"
    )
    assert response.status_code == 200
    errors = response.context["filter"].form.errors
    assert "start_year" in errors and "status" in errors


def test_a_decimal_or_zero_year_is_a_field_error_not_a_crash(client, scene):
    for value in ("0.0", "2023.5", "-1"):
        response = client.get(reverse("projects:project_list"), {"start_year": value})
        assert response.status_code == 200
        assert "start_year" in response.context["filter"].form.errors
