"""Search tests run against the real Elasticsearch that `make test` starts, on
indexes of their own (a unique prefix, deleted afterwards).

Building indexes costs seconds, so the relevance scene is built once per module,
committed outside the tests' transactions, and removed at the end of the module.
"""

import uuid

import pytest
from django.test import override_settings

from search.client import es_reset
from tests.conftest import _drop_indexes, _engine_or_skip, rebuild_all


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
