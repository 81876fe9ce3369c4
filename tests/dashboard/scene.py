"""A small registry whose every indicator value can be worked out by hand.

Live projects A, B, C, D, F and one draft, E, that must never count:

| project | lead team (tutelles)  | partner     | start | status    | TRL | evaluations          |
|---------|-----------------------|-------------|-------|-----------|-----|----------------------|
| A       | INS (Inserm)          | INR (Inria) | 2023  | active    | 3   | –                    |
| B       | INR (Inria)           | –           | 2024  | completed | 6   | favourable, 100 days |
| C       | CEAT (CEA)            | INS         | 2024  | active    | 8   | reserved, 182 days;  |
|         |                       |             |       |           |     | one only requested   |
| D       | MIX (Inserm and CNRS) | –           | 2022  | planned   | 5   | –                    |
| E draft | INS                   | INR         | 2024  | active    | 9   | published (draft!)   |
| F       | INR                   | –           | 2024  | active    | 7   | completed, unpublished |
"""

import datetime
from dataclasses import dataclass

from projects.models import Domain, Project, ProjectFunding, Technique
from registry.models import Dataset, Organisation
from tests.factories import (
    DatasetFactory,
    EvaluationFactory,
    OrganisationFactory,
    ProjectDatasetFactory,
    ProjectFactory,
    ProjectPartnerFactory,
    TeamFactory,
)

# The terms come from a data migration; a transactional test that ran before may have
# flushed them, so they are re-created when missing (with their parent).
TERMS = {
    "oncologie": (Domain, "Oncologie", None),
    "cancer-du-sein": (Domain, "Cancer du sein", "oncologie"),
    "cardiologie": (Domain, "Cardiologie", None),
    "apprentissage-profond": (Technique, "Apprentissage profond", None),
    "vision": (Technique, "Vision par ordinateur", None),
}


def term(slug: str):
    model, name, parent = TERMS[slug]
    return model.objects.get_or_create(
        slug=slug, defaults={"name": name, "parent": term(parent) if parent else None}
    )[0]


def domain(slug: str) -> Domain:
    return term(slug)


def technique(slug: str) -> Technique:
    return term(slug)


@dataclass
class Scene:
    inserm: Organisation
    inria: Organisation
    cnrs: Organisation
    cea: Organisation
    projects: dict[str, Project]
    snds: Dataset
    warehouse: Dataset


def build_scene() -> Scene:
    inserm = OrganisationFactory(name="Institut national de la santé", acronym="Inserm")
    inria = OrganisationFactory(name="Institut national du numérique", acronym="Inria")
    cnrs = OrganisationFactory(name="Centre national de la recherche", acronym="CNRS")
    cea = OrganisationFactory(name="Commissariat à l’énergie atomique", acronym="CEA")
    hospital = OrganisationFactory(name="CHU", kind=Organisation.Kind.HOSPITAL)
    funder = OrganisationFactory(name="Agence nationale", acronym="ANR", kind="funder")
    inserm_team = TeamFactory(acronym="INS", parents=[inserm])
    inria_team = TeamFactory(acronym="INR", parents=[inria])
    joint_team = TeamFactory(acronym="MIX", parents=[inserm, cnrs])
    cea_team = TeamFactory(acronym="CEAT", parents=[cea])
    snds = DatasetFactory(name="SNDS", kind=Dataset.Kind.CLAIMS, producer=hospital)
    warehouse = DatasetFactory(
        name="EDS", kind=Dataset.Kind.HOSPITAL_WAREHOUSE, producer=hospital
    )

    def project(name, *, lead, team, year, **fields):
        return ProjectFactory(
            acronym=name,
            lead_organisation=lead,
            lead_team=team,
            start_date=datetime.date(year, 3, 1),
            **fields,
        )

    a = project(
        "A",
        lead=inserm,
        team=inserm_team,
        year=2023,
        trl=3,
        domains=[domain("cancer-du-sein")],
        techniques=[technique("apprentissage-profond")],
    )
    ProjectPartnerFactory(project=a, team=inria_team)
    ProjectDatasetFactory(project=a, dataset=snds, access_status="granted")
    ProjectFunding.objects.create(
        project=a, funder=funder, programme="AAPG", amount_eur=100_000
    )

    b = project(
        "B",
        lead=inria,
        team=inria_team,
        year=2024,
        trl=6,
        status=Project.Status.COMPLETED,
        domains=[domain("cardiologie")],
        techniques=[technique("vision")],
    )
    ProjectDatasetFactory(project=b, dataset=snds, access_status="requested")
    ProjectDatasetFactory(project=b, dataset=warehouse, access_status="refused")
    EvaluationFactory(
        project=b,
        verdict="favourable",
        requested_on=datetime.date(2025, 1, 1),
        completed_on=datetime.date(2025, 4, 11),
        published_on=datetime.date(2025, 5, 1),
    )

    c = project(
        "C",
        lead=cea,
        team=cea_team,
        year=2024,
        trl=8,
        domains=[domain("oncologie")],
        techniques=[technique("apprentissage-profond")],
    )
    ProjectPartnerFactory(project=c, team=inserm_team)
    EvaluationFactory(
        project=c,
        verdict="reserved",
        requested_on=datetime.date(2025, 2, 1),
        published_on=datetime.date(2025, 8, 2),
    )
    EvaluationFactory(
        project=c,
        status="requested",
        verdict="",
        published_on=None,
        requested_on=datetime.date(2026, 1, 5),
    )

    d = project(
        "D",
        lead=hospital,
        team=joint_team,
        year=2022,
        trl=5,
        status=Project.Status.PLANNED,
    )

    e = project(
        "E",
        lead=inserm,
        team=inserm_team,
        year=2024,
        trl=9,
        live=False,
        domains=[domain("cardiologie")],
        techniques=[technique("vision")],
    )
    ProjectPartnerFactory(project=e, team=inria_team)
    ProjectDatasetFactory(project=e, dataset=warehouse, access_status="granted")
    ProjectFunding.objects.create(
        project=e, funder=funder, programme="PEPR", amount_eur=5_000_000
    )
    EvaluationFactory(project=e, verdict="unfavourable")

    f = project("F", lead=inria, team=inria_team, year=2024, trl=7)
    EvaluationFactory(
        project=f,
        status="completed",
        verdict="unfavourable",
        published_on=None,
        completed_on=datetime.date(2025, 6, 1),
    )
    return Scene(
        inserm=inserm,
        inria=inria,
        cnrs=cnrs,
        cea=cea,
        projects={"A": a, "B": b, "C": c, "D": d, "E": e, "F": f},
        snds=snds,
        warehouse=warehouse,
    )
