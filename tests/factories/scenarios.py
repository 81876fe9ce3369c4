"""Small scenes built from factories: a project with every relation its page shows."""

import datetime

from projects.models import ProjectFunding, ProjectMember, ProjectPublication
from registry.models import EvaluationCriterion, EvaluationScore
from tests.factories import (
    DatasetFactory,
    EvaluationFactory,
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


def rich_project(*, live: bool = True, **fields):
    """A project with partners, members, datasets, funding, publications, evaluations."""
    institute = OrganisationFactory()
    project = ProjectFactory(
        live=live,
        lead_organisation=institute,
        lead_team=TeamFactory(parents=[institute, OrganisationFactory()]),
        domains=[domain("oncologie"), domain("cancer-du-sein")],
        techniques=[technique("apprentissage-profond")],
        **fields,
    )
    project.keywords.add("mammographie", "dépistage")
    project.save()
    for _ in range(2):
        ProjectPartnerFactory(project=project, team=TeamFactory(parents=[institute]))
    ProjectPartnerFactory(
        project=project, team=None, organisation=OrganisationFactory()
    )
    person = PersonFactory()
    MembershipFactory(person=person, team=project.lead_team)
    ProjectMember.objects.create(project=project, person=person, role="pi")
    ProjectDatasetFactory(project=project, dataset=DatasetFactory())
    ProjectFunding.objects.create(
        project=project,
        funder=OrganisationFactory(kind="funder"),
        programme="PEPR Santé numérique",
        amount_eur=250000,
    )
    ProjectPublication.objects.create(
        project=project, title="Un article", year=2025, doi="10.1000/demo.1"
    )
    evaluation = EvaluationFactory(project=project, evaluator=OrganisationFactory())
    for criterion in EvaluationCriterion.objects.all():
        EvaluationScore.objects.create(
            evaluation=evaluation, criterion=criterion, score=70
        )
    EvaluationFactory(
        project=project,
        evaluator=evaluation.evaluator,
        status="requested",
        verdict="",
        published_on=None,
        requested_on=datetime.date(2026, 1, 1),
    )
    return project
