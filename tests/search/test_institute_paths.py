"""The `/projets/?institute=` filter and the search facets read a project's institutes
from one rule (projects/institutes.py): a project reached only through a partner
organisation's parent, or a partner team's tutelle's parent, is counted by the facet
and returned by the filter, on Elasticsearch and on the database engine."""

import pytest
from django.urls import reverse

from registry.models import Organisation
from search.backends import database_backend
from search.contract import SearchRequest
from search.service import search_execute
from tests.conftest import rebuild_all
from tests.factories import (
    OrganisationFactory,
    ProjectFactory,
    ProjectPartnerFactory,
    TeamFactory,
)

pytestmark = pytest.mark.django_db

UNIVERSITY = Organisation.Kind.UNIVERSITY


@pytest.fixture
def scene():
    institute = OrganisationFactory(name="Institut Lointain", acronym="ILOIN")
    elsewhere = OrganisationFactory(kind=UNIVERSITY)
    branch = OrganisationFactory(kind=UNIVERSITY, parent=institute)
    unit = OrganisationFactory(kind=UNIVERSITY, parent=institute)
    partner_team = TeamFactory(parents=[unit])

    def project(slug: str):
        return ProjectFactory(
            slug=slug,
            lead_organisation=elsewhere,
            lead_team=TeamFactory(parents=[elsewhere]),
        )

    via_organisation = project("via-partner-organisation")
    ProjectPartnerFactory(project=via_organisation, team=None, organisation=branch)
    via_team = project("via-partner-team-tutelle")
    ProjectPartnerFactory(project=via_team, team=partner_team)
    project("unrelated")
    return institute


def listed_slugs(client, institute) -> set[str]:
    response = client.get(reverse("projects:project_list") + f"?institute={institute}")
    assert response.status_code == 200
    return {project.slug for project in response.context["paginator"].object_list}


def search_agrees(response, institute) -> None:
    counts = {value.value: value.count for value in response.facets["institute"]}
    assert counts.get(str(institute.pk)) == 2
    assert {hit.url.rstrip("/").rsplit("/", 1)[-1] for hit in response.hits} == {
        "via-partner-organisation",
        "via-partner-team-tutelle",
    }


def test_the_filter_follows_partner_parents_and_tutelle_parents(client, scene):
    assert listed_slugs(client, scene.pk) == {
        "via-partner-organisation",
        "via-partner-team-tutelle",
    }


def test_the_database_engine_counts_and_filters_the_same(scene):
    request = SearchRequest(
        types=["project"],
        filters={"institute": [str(scene.pk)]},
        facets=frozenset({"institute"}),
    )
    backend = database_backend()
    backend.rebuild()
    response = backend.search(request)
    assert response.engine == "database"
    search_agrees(response, scene)


def test_elasticsearch_counts_and_filters_the_same(search_engine, scene):
    rebuild_all()
    request = SearchRequest(
        types=["project"],
        filters={"institute": [str(scene.pk)]},
        facets=frozenset({"institute"}),
    )
    response = search_execute(request=request)
    assert response.engine == "elasticsearch"
    search_agrees(response, scene)
