"""PostgreSQL's vectors go with their entries (migration search/0006): the text
query no longer checks, per hit, that the entry still exists."""

import pytest
from django.db import connection

from search.backends.postgres import PostgresBackend
from search.contract import SearchRequest
from search.models import SearchEntry
from tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_engine(settings):
    """No engine configured: each save rewrites the database's entries at once."""
    settings.ELASTICSEARCH_URL = ""


def _vectors() -> int:
    """The projects' vectors (a project's factory makes teams and others too)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM search_entry_vectors WHERE search_type = 'project'"
        )
        return cursor.fetchone()[0]


def test_vectors_are_deleted_with_their_entries(database_engine):
    kept, gone = (
        ProjectFactory(title=f"Échographie {n}") for n in ("fœtale", "rénale")
    )
    assert _vectors() == 2

    SearchEntry.objects.filter(object_id=gone.pk).delete()  # no write_text
    assert _vectors() == 1
    response = PostgresBackend().search(SearchRequest(query="échographie"))
    assert [hit.pk for hit in response.hits] == [kept.pk]


def test_vectors_are_emptied_with_the_entries(database_engine):
    ProjectFactory(title="Échographie cardiaque")
    assert _vectors() == 1

    with connection.cursor() as cursor:  # as a test database's flush does
        cursor.execute("TRUNCATE search_searchentry")
    assert _vectors() == 0
    assert PostgresBackend().search(SearchRequest(query="échographie")).total == 0
