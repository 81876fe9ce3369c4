"""A small registry whose texts exercise French analysis, synonyms and typos."""

import datetime

from projects.models import ProjectDataset
from tests.factories import (
    DatasetFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    ProjectFactory,
    ProjectPartnerFactory,
    TeamFactory,
    domain,
    technique,
)


def build_scene() -> dict:
    inserm = OrganisationFactory(name="Institut national de la santé", acronym="Inserm")
    inria = OrganisationFactory(
        name="Institut national de recherche en numérique", acronym="Inria"
    )
    imaging_team = TeamFactory(
        name="Laboratoire d’imagerie cérébrale", acronym="LIC", parents=[inserm]
    )
    language_team = TeamFactory(
        name="Équipe de linguistique clinique", acronym="LINC", parents=[inria]
    )
    snds = DatasetFactory(name="Système national des données de santé", acronym="SNDS")
    stroke = ProjectFactory(
        title="Imagerie et accidents vasculaires cérébraux en phase aiguë",
        acronym="NEUROVASC",
        summary="Des IRM de diffusion pour le triage en urgence.",
        lead_organisation=inserm,
        lead_team=imaging_team,
        status="active",
        trl=6,
        domains=[domain("avc")],
        techniques=[technique("reseaux-convolutifs")],
        start_date=datetime.date(2024, 3, 1),
    )
    ProjectDataset.objects.create(project=stroke, dataset=snds, access_status="granted")
    notes = ProjectFactory(
        title="Traitement automatique des langues pour les comptes rendus",
        acronym="CRTEXT",
        summary="Extraire les diagnostics des comptes rendus.",
        lead_organisation=inria,
        lead_team=language_team,
        status="completed",
        trl=4,
        domains=[domain("cardiologie")],
        techniques=[technique("tal")],
        start_date=datetime.date(2022, 1, 1),
    )
    ProjectPartnerFactory(project=notes, team=imaging_team)
    mammo = ProjectFactory(
        title="Dépistage du cancer du sein",
        acronym="MAMMO",
        summary="Lecture automatique de la mammographie par apprentissage profond.",
        lead_organisation=inserm,
        lead_team=imaging_team,
        status="active",
        trl=3,
        domains=[domain("cancer-du-sein")],
        techniques=[technique("apprentissage-profond")],
        start_date=datetime.date(2023, 5, 1),
    )
    cohorts = ProjectFactory(
        title="Les cohortes de patients diabétiques",
        acronym="DIABCO",
        summary="Suivi longitudinal.",
        lead_organisation=inserm,
        lead_team=imaging_team,
        status="planned",
        trl=2,
        domains=[domain("endocrinologie")],
        start_date=datetime.date(2025, 1, 1),
    )
    sepsis_in_title = ProjectFactory(
        title="Sepsis en réanimation",
        acronym="SEPREA",
        summary="Alerte précoce.",
        lead_organisation=inria,
        lead_team=language_team,
        trl=5,
        start_date=datetime.date(2021, 1, 1),
    )
    sepsis_in_body = ProjectFactory(
        title="Alerte précoce en réanimation",
        acronym="ALREA",
        summary="Des signaux vitaux pour prévenir la dégradation, dont le sepsis.",
        lead_organisation=inria,
        lead_team=language_team,
        trl=5,
        start_date=datetime.date(2021, 2, 1),
    )
    draft = ProjectFactory(
        title="Projet confidentiel xylophonique",
        acronym="SECRETUM",
        live=False,
        summary="Ce brouillon ne doit jamais être trouvé.",
        lead_organisation=inserm,
    )
    person = PersonFactory(
        first_name="Élodie", last_name="Dupré", email="elodie.dupre@example.org"
    )
    MembershipFactory(person=person, team=imaging_team)
    return {
        "inserm": inserm,
        "inria": inria,
        "imaging_team": imaging_team,
        "language_team": language_team,
        "snds": snds,
        "stroke": stroke,
        "notes": notes,
        "mammo": mammo,
        "cohorts": cohorts,
        "sepsis_in_title": sepsis_in_title,
        "sepsis_in_body": sepsis_in_body,
        "draft": draft,
        "person": person,
    }


def delete_scene(scene: dict) -> None:
    """Remove everything build_scene committed (factories add teams and
    organisations of their own), children first."""
    from projects.models import Project
    from registry.models import Dataset, Organisation, Person, Team

    projects = Project.objects.filter(
        pk__in=[value.pk for value in scene.values() if isinstance(value, Project)]
    )
    team_ids = {scene["imaging_team"].pk, scene["language_team"].pk}
    team_ids |= set(
        projects.exclude(lead_team=None).values_list("lead_team", flat=True)
    )
    organisation_ids = {
        scene["inserm"].pk,
        scene["inria"].pk,
        scene["snds"].producer_id,
    }
    organisation_ids |= set(
        Team.objects.filter(pk__in=team_ids).values_list("parents", flat=True)
    )
    projects.delete()
    Person.objects.filter(pk=scene["person"].pk).delete()
    Dataset.objects.filter(pk=scene["snds"].pk).delete()
    Team.objects.filter(pk__in=team_ids).delete()
    Organisation.objects.filter(pk__in=organisation_ids).delete()
