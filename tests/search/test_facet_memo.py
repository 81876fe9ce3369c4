"""One computation of the projects' facets and profile texts per rebuild (issue 15):
the project pass leaves them to the teams, people and datasets, whose documents stay
the same, and a change made after they were computed stays queued."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search.indexing import index_rebuild
from search.models import SearchOutbox
from search.project_sets import project_facets_memo
from search.sources import SOURCES
from tests.factories import (
    DatasetFactory,
    ProjectDatasetFactory,
    ProjectFactory,
    ProjectPartnerFactory,
    TeamFactory,
    domain,
)

pytestmark = pytest.mark.django_db


def _facet_reads(queries) -> int:
    """Queries of the projects' links to their domains (facets and profile text)."""
    return sum("project_domains" in q["sql"] for q in queries)


def test_the_project_pass_leaves_its_facets_to_the_owner_types():
    team, dataset = TeamFactory(), DatasetFactory()
    projects = [ProjectFactory(domains=[domain("oncologie")]) for _ in range(3)]
    for project in projects:
        ProjectPartnerFactory(project=project, team=team)
        ProjectDatasetFactory(project=project, dataset=dataset)
    without = [
        SOURCES["team"].documents_for([team.pk]),
        SOURCES["dataset"].documents_for([dataset.pk]),
    ]
    with project_facets_memo():
        SOURCES["project"].documents_for([p.pk for p in projects])
        with CaptureQueriesContext(connection) as owners:
            within = [
                SOURCES["team"].documents_for([team.pk]),
                SOURCES["dataset"].documents_for([dataset.pk]),
            ]
    assert within == without
    # Neither the facets nor the team's profile text read the projects' domains
    # again (the dataset's and the team's, without the memo: three such queries).
    assert _facet_reads(owners.captured_queries) == 0


def test_a_change_after_the_facets_were_read_stays_queued(search_engine):
    team = TeamFactory()
    ProjectPartnerFactory(project=ProjectFactory(), team=team)
    SearchOutbox.objects.all().delete()
    with project_facets_memo():
        index_rebuild(search_type="project")
        team.name = "Équipe renommée"
        team.save()  # queued after the projects' facets were computed
        assert SearchOutbox.objects.filter(search_type="team").exists()
        index_rebuild(search_type="team")
        assert SearchOutbox.objects.filter(search_type="team").exists()
    index_rebuild(search_type="team")  # alone: it read everything it indexes
    assert not SearchOutbox.objects.filter(search_type="team").exists()
