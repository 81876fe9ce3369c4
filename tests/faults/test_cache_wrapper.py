"""FailOpenRedisCache with Redis at a closed port: each call answers as a miss, at
once, and only keys of the login lockout are kept (in the process's memory)."""

import time

import pytest

from portal.core.cache import FailOpenRedisCache
from tests.faults.conftest import closed_port

pytestmark = pytest.mark.services


@pytest.fixture
def away_cache():
    cache = FailOpenRedisCache(
        f"redis://127.0.0.1:{closed_port()}/0",
        {
            "OPTIONS": {
                "CIRCUIT_OPEN_SECONDS": 30,
                "LOCAL_FALLBACK_PREFIXES": ["allauth:rl:"],
            }
        },
    )
    cache.clear()
    return cache


def test_every_call_answers_as_a_miss(away_cache):
    assert away_cache.get("k", "défaut") == "défaut"
    assert away_cache.set("k", 1) is None
    assert away_cache.add("verrou", 1) is False  # not taken: a lock does not proceed
    assert away_cache.get_many(["a", "b"]) == {}
    assert away_cache.set_many({"a": 1, "b": 2}) == ["a", "b"]
    assert away_cache.has_key("k") is False
    assert away_cache.delete("k") is False
    with pytest.raises(ValueError):  # as for a missing key, which callers handle
        away_cache.incr("compteur")
    assert away_cache.get_or_set("k", 5) == 5
    assert not away_cache.available


def test_the_open_circuit_spares_the_network(away_cache):
    away_cache.get("k")  # the one refused connection
    started = time.monotonic()
    for _ in range(2000):
        away_cache.get("k")
    assert time.monotonic() - started < 0.5


def test_login_lockout_keys_are_kept_in_memory(away_cache):
    key = "allauth:rl:allauth.account:login_failed:5/300s/key:abc"
    assert away_cache.add(f"{key}:lock", True, timeout=10) is True
    assert away_cache.add(f"{key}:lock", True, timeout=10) is False  # a real lock
    away_cache.set(key, [1.0, 2.0], 300)
    assert away_cache.get(key) == [1.0, 2.0]
    assert away_cache.delete(f"{key}:lock")
    assert away_cache.get("autre:clé") is None
