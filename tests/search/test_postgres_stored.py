"""PostgreSQL's own search structures (migration search/0005): the projects' facet
tokens follow a partner or a dataset use added or removed on its own, as the
registry's rows say; the typo pass corrects a swap of two letters ("alzhiemer")."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from projects.models import ProjectDataset, ProjectPartner
from search.backends import project_facets
from search.backends.analysis import Concept
from search.backends.postgres import REBUILT_TABLES, PostgresBackend
from search.contract import SearchRequest
from tests.factories import (
    DatasetFactory,
    ProjectFactory,
    ProjectPartnerFactory,
    TeamFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_engine(settings):
    """No engine configured: each save rewrites the database's entries at once."""
    settings.ELASTICSEARCH_URL = ""


def _counts(project_id: int, active=None) -> dict[str, set[str]]:
    counts, _passing = project_facets.project_facet_counts({project_id}, active or {})
    return {name: {value for value, n in pairs if n} for name, pairs in counts.items()}


def test_a_partner_or_a_dataset_added_on_its_own_is_counted(database_engine):
    project = ProjectFactory(title="Dépistage de la rétinopathie diabétique")
    team, dataset = TeamFactory(), DatasetFactory()
    assert str(team.pk) not in _counts(project.pk)["team"]

    partner = ProjectPartnerFactory(project=project, team=team)
    use = ProjectDataset.objects.create(project=project, dataset=dataset)
    counts = _counts(project.pk)
    assert str(team.pk) in counts["team"]
    assert str(dataset.pk) in counts["dataset"]
    # The stored tokens say what the registry's rows say (SQLite's way).
    expected, _ = project_facets._counts_from_pairs(
        project_facets.project_facet_pairs({project.pk}), {project.pk}, {}
    )
    assert counts == {
        name: {value for value, n in pairs if n} for name, pairs in expected.items()
    }

    ProjectPartner.objects.filter(pk=partner.pk).delete()
    use.delete()
    counts = _counts(project.pk)
    assert str(team.pk) not in counts["team"]
    assert str(dataset.pk) not in counts["dataset"]


def test_a_selected_facet_counts_within_the_others(database_engine):
    team = TeamFactory()
    kept = ProjectFactory(title="Imagerie cardiaque", status="active")
    ProjectPartnerFactory(project=kept, team=team)
    other = ProjectFactory(title="Imagerie pulmonaire", status="completed")
    ids = {kept.pk, other.pk}

    counts, passing = project_facets.project_facet_counts(
        ids, {"team": [str(team.pk)], "status": ["completed"]}
    )
    assert passing == set()  # no project has both
    # Statuses within the team: the active one; teams within "completed": the lead
    # team of the completed project.
    assert [pair for pair in counts["status"] if pair[1]] == [("active", 1)]
    assert [pair for pair in counts["team"] if pair[1]] == [
        (str(other.lead_team_id), 1)
    ]
    assert project_facets.project_facet_counts(ids, {"team": [str(team.pk)]})[1] == {
        kept.pk
    }


def test_a_swap_of_two_letters_is_corrected(database_engine):
    found = ProjectFactory(
        title="Prise en charge de la maladie d’Alzheimer", summary="Mémoire."
    )
    backend = PostgresBackend()

    assert backend.correction("alzhiemer") == Concept((("alzheimer",),))
    assert backend.correction("alzheimer") is None  # a known word stays
    response = backend.search(SearchRequest(query="alzhiemer"))
    assert [hit.pk for hit in response.hits] == [found.pk]


def test_a_rebuild_stores_the_facets_and_the_vocabulary_afresh(database_engine):
    project = ProjectFactory(title="Segmentation des tumeurs cérébrales")
    backend = PostgresBackend()
    backend.clear_text()
    assert _counts(project.pk)["status"] == set()
    assert backend.correction("segmentaton") is None  # no vocabulary

    backend.rebuild()
    assert _counts(project.pk)["status"] == {project.status}
    assert backend.correction("segmentaton") == Concept((("segmentation",),))


def test_vectors_of_entries_deleted_in_bulk_are_never_answered(database_engine):
    from search.models import SearchEntry

    ProjectFactory(title="Échographie cardiaque fœtale")
    backend = PostgresBackend()
    assert backend.search(SearchRequest(query="échographie")).total == 1

    SearchEntry.objects.all().delete()  # as a test teardown does: no write_text
    assert backend.search(SearchRequest(query="échographie")).total == 0
    assert backend.suggest("écho") == []


def test_a_rebuild_leaves_its_tables_analysed(database_engine):
    """The planner reads fresh statistics of the refilled tables (inside a
    transaction VACUUM cannot run: the statistics only)."""
    ProjectFactory(title="Échographie fœtale")
    with CaptureQueriesContext(connection) as queries:
        PostgresBackend().rebuild()
    last = queries.captured_queries[-1]["sql"]
    assert last.startswith("ANALYZE ")
    assert all(table in last for table in REBUILT_TABLES)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_rebuild_outside_a_transaction_vacuums_its_tables(database_engine):
    """Outside a transaction the refilled tables are vacuumed too: searches then
    skip the visibility check of every hit's row."""

    def vacuums() -> dict[str, int]:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT relname, vacuum_count FROM pg_stat_user_tables "
                "WHERE relname = ANY(%s)",
                [list(REBUILT_TABLES)],
            )
            return dict(cursor.fetchall())

    ProjectFactory(title="Échographie fœtale")
    before = vacuums()
    PostgresBackend().rebuild()
    after = vacuums()
    assert set(after) == set(REBUILT_TABLES)
    assert all(after[table] == before.get(table, 0) + 1 for table in REBUILT_TABLES)
