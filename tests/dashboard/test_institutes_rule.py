"""The dashboard counts a project's institutes by the one rule of
`projects.institutes`: sub-organisations of an institute count for it, whether they
lead, take part as partner organisations or are the tutelle of a team."""

import datetime

import pytest
from django.http import QueryDict

from projects.dashboard.filters import dashboard_filters
from projects.dashboard.indicators import (
    indicator_collaboration,
    indicator_projects_by_institute,
)
from projects.institutes import project_institute_q
from projects.models import Project
from registry.models import Organisation
from tests.factories import (
    OrganisationFactory,
    ProjectFactory,
    ProjectPartnerFactory,
    TeamFactory,
)

pytestmark = pytest.mark.django_db


def filters():
    return dashboard_filters(query=QueryDict(""))[0]


@pytest.fixture
def institutes():
    inserm = OrganisationFactory(name="Institut national de la santé", acronym="Inserm")
    inria = OrganisationFactory(name="Institut national du numérique", acronym="Inria")
    unit = OrganisationFactory(name="Unité Inserm 1234", parent=inserm)
    hospital = OrganisationFactory(name="CHU", kind=Organisation.Kind.HOSPITAL)
    unit_team = TeamFactory(acronym="U1234", parents=[unit])
    inria_team = TeamFactory(acronym="INR", parents=[inria])
    start = datetime.date(2024, 3, 1)
    # Inserm only through a partner organisation that is one of its units.
    partner = ProjectFactory(
        acronym="P", lead_organisation=hospital, lead_team=None, start_date=start
    )
    ProjectPartnerFactory(project=partner, organisation=unit, team=None)
    # Inserm only through the tutelle of its lead team, with an Inria partner team.
    joint = ProjectFactory(
        acronym="J", lead_organisation=hospital, lead_team=unit_team, start_date=start
    )
    ProjectPartnerFactory(project=joint, team=inria_team)
    return {"Inserm": inserm, "Inria": inria}


def test_sub_organisations_count_for_their_institute(institutes):
    rows = indicator_projects_by_institute(filters=filters())["rows"]
    counts = {row["label"]: row["value"] for row in rows}
    assert counts == {"Inserm": 2, "Inria": 1}
    for label, institute in institutes.items():
        by_rule = (
            Project.objects.public()
            .filter(project_institute_q([institute.pk]))
            .distinct()
            .count()
        )
        assert counts[label] == by_rule, label


def test_a_team_under_an_institute_unit_belongs_to_the_institute(institutes):
    collaboration = indicator_collaboration(filters=filters())
    teams = {team["label"]: team for team in collaboration["teams"]}
    assert teams["U1234"]["institutes"] == ["Inserm"]
    assert collaboration["cross_institute"] == 1  # J: an Inserm unit's team and Inria
    assert collaboration["institute_pairs"] == [
        {"a": "Inserm", "b": "Inria", "value": 1}
    ]
