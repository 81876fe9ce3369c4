import pytest
from django.core.cache import cache

from tests.dashboard.scene import build_scene


@pytest.fixture(autouse=True)
def empty_cache():
    """Cached indicators of an earlier test must never answer for this one."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def scene(db):
    return build_scene()
