"""Search tests run against the real Elasticsearch that `make test` starts, on
indexes of their own (a unique prefix, deleted afterwards).

Building indexes costs seconds, so the relevance scene is built once per module,
committed outside the tests' transactions, and removed at the end of the module.
"""

import uuid

import pytest
from django.test import override_settings

from search.backends import database_backend
from search.client import es_reset
from search.models import SearchEntry
from tests.conftest import _drop_indexes, _engine_or_skip, rebuild_all


@pytest.fixture(scope="module")
def indexed_scene(django_db_setup, django_db_blocker):
    """The scene of tests/search/scene.py, committed and indexed once per module,
    in Elasticsearch and in the database's search entries."""
    _engine_or_skip()
    from tests.search.scene import build_scene, delete_scene

    prefix = f"test-{uuid.uuid4().hex[:10]}"
    with override_settings(SEARCH_INDEX_PREFIX=prefix), django_db_blocker.unblock():
        es_reset()
        scene = build_scene()
        try:
            rebuild_all()
            database_backend().rebuild()
            yield scene
        finally:
            SearchEntry.objects.all().delete()
            delete_scene(scene)
            _drop_indexes(prefix)
            es_reset()


def pytest_terminal_summary(terminalreporter):
    """The relevance table per engine (test_relevance_table.py), after the run."""
    from tests.search.test_relevance_table import RELEVANCE_REPORT

    for table in RELEVANCE_REPORT:
        terminalreporter.write_sep("=", "search relevance (hits@3)")
        terminalreporter.write(table)
