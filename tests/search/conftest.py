"""Search tests run against the real Elasticsearch that `make test` starts, on
indexes of their own (a unique prefix, deleted afterwards).

Building indexes costs seconds, so the relevance scene is built once per module,
committed outside the tests' transactions, and removed at the end of the module.
"""

import uuid

import pytest
from django.conf import settings as django_settings
from django.test import override_settings

from search.client import es_client, es_reset


def _engine_or_skip():
    if not django_settings.ELASTICSEARCH_URL:
        pytest.skip("ELASTICSEARCH_URL is unset: run `make test` for the real engine")


def _drop_indexes(prefix: str) -> None:
    es_client().indices.delete(
        index=f"{prefix}-*", ignore_unavailable=True, allow_no_indices=True
    )


def rebuild_all() -> None:
    from search.documents import DOCUMENTS
    from search.indexing import index_rebuild

    for search_type in DOCUMENTS:
        index_rebuild(search_type=search_type)


@pytest.fixture
def search_engine(settings):
    """A per-test index prefix, for tests that write to the index."""
    _engine_or_skip()
    settings.SEARCH_INDEX_PREFIX = f"test-{uuid.uuid4().hex[:10]}"
    es_reset()
    yield es_client()
    _drop_indexes(settings.SEARCH_INDEX_PREFIX)
    es_reset()


@pytest.fixture(scope="module")
def indexed_scene(django_db_setup, django_db_blocker):
    """The scene of tests/search/scene.py, committed and indexed once per module."""
    _engine_or_skip()
    from tests.search.scene import build_scene, delete_scene

    prefix = f"test-{uuid.uuid4().hex[:10]}"
    with override_settings(SEARCH_INDEX_PREFIX=prefix), django_db_blocker.unblock():
        es_reset()
        scene = build_scene()
        try:
            rebuild_all()
            yield scene
        finally:
            delete_scene(scene)
            _drop_indexes(prefix)
            es_reset()
