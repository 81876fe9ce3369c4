"""A hand-built registry for matching: a project, its teams, candidates with known
reasons, and drafts that must change nothing."""

import datetime
from dataclasses import dataclass

from registry.models import Team
from tests.factories import (
    DatasetFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    ProjectDatasetFactory,
    ProjectFactory,
    ProjectPartnerFactory,
    TeamFactory,
    domain,
    technique,
)


@dataclass
class Scene:
    project: object
    lead: Team
    partner: Team
    candidate: Team  # SNDS granted, common partner with the lead
    common: Team  # partner of both the lead and the candidate
    draft_only: Team  # only in a draft project
    snds: object
    expert: object


def build_scene() -> Scene:
    inserm = OrganisationFactory(name="Inserm test", acronym="INSERMT")
    inria = OrganisationFactory(name="Inria test", acronym="INRIAT")
    lead = TeamFactory(name="Cardiologie numérique", parents=[inserm])
    partner = TeamFactory(name="Biostatistique clinique", parents=[inserm])
    candidate = TeamFactory(
        name="Traitement des langues médicales",
        description="Extraction d’information dans les comptes rendus cardiaques.",
        parents=[inria],
    )
    common = TeamFactory(name="Entrepôt hospitalier", parents=[inria])
    draft_only = TeamFactory(name="Équipe brouillon", parents=[inria])
    snds = DatasetFactory(name="Système national des données de santé", acronym="SNDS")
    cardio, tal = domain("cardiologie"), technique("tal")

    project = ProjectFactory(
        title="Insuffisance cardiaque et comptes rendus",
        summary="Prédire les réhospitalisations pour insuffisance cardiaque à partir "
        "des comptes rendus et du SNDS.",
        lead_team=lead,
        lead_organisation=inserm,
        domains=[cardio],
        techniques=[tal],
    )
    ProjectPartnerFactory(project=project, team=partner)
    ProjectDatasetFactory(project=project, dataset=snds, access_status="requested")

    # The lead and `common` worked together; so did the candidate and `common`.
    earlier = ProjectFactory(lead_team=lead, lead_organisation=inserm)
    ProjectPartnerFactory(project=earlier, team=common)
    notes = ProjectFactory(
        title="Comptes rendus cardiaques et traitement automatique des langues",
        summary="Extraction des diagnostics d’insuffisance cardiaque.",
        lead_team=candidate,
        lead_organisation=inria,
        domains=[cardio],
        techniques=[tal],
        start_date=datetime.date(2025, 6, 1),
    )
    ProjectPartnerFactory(project=notes, team=common)
    ProjectDatasetFactory(project=notes, dataset=snds, access_status="granted")

    # Drafts: a team known only from a draft, and a draft link candidate–lead.
    draft = ProjectFactory(
        live=False,
        title="Insuffisance cardiaque comptes rendus SNDS",
        summary="Insuffisance cardiaque, comptes rendus, SNDS.",
        lead_team=draft_only,
        lead_organisation=inria,
        domains=[cardio],
        techniques=[tal],
    )
    ProjectDatasetFactory(project=draft, dataset=snds, access_status="granted")
    ProjectPartnerFactory(project=draft, team=candidate)
    ProjectPartnerFactory(project=draft, team=lead)

    expert = PersonFactory(first_name="Alice", last_name="Experte")
    expert.expertise.add("comptes rendus", "insuffisance cardiaque")
    expert.save()
    MembershipFactory(person=expert, team=candidate)
    return Scene(
        project=project,
        lead=lead,
        partner=partner,
        candidate=candidate,
        common=common,
        draft_only=draft_only,
        snds=snds,
        expert=expert,
    )
