"""Matching tests call the API in bursts: generous throttles and a clean cache, as in
tests/api/conftest.py (throttle counters live in the shared cache)."""

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def generous_throttles(settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "100000/minute", "user": "100000/minute"},
    }
    cache.clear()
    yield
    cache.clear()
