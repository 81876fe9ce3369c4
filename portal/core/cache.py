"""Django's Redis cache, failing open: when Redis is away the portal runs uncached.

A connection error or timeout counts as a miss (reads) or a no-op (writes), is
logged once, and opens a circuit so that the following calls skip Redis for a few
seconds instead of each waiting on a timeout. Whatever depends on the cache keeps
answering: Wagtail's site root, DRF's throttles and our rate limits (which then
allow), the dashboard and matching caches (which then compute).

Two things are kept while Redis is away:
- keys under LOCAL_FALLBACK_PREFIXES (the login lockout's counters) move to a
  per-process memory cache, so brute force stays limited (per process) rather than
  unlimited, and logins still work (allauth's lock needs `add` to succeed);
- keys written or deleted during the outage are deleted from Redis once it answers
  again, so no invalidation is lost and no value older than the outage is served.

OPTIONS (besides redis-py's own): CIRCUIT_OPEN_SECONDS, LOCAL_FALLBACK_PREFIXES.
"""

import logging

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from redis.backoff import NoBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError
from redis.retry import Retry

from portal.core.circuit import CircuitBreaker

logger = logging.getLogger(__name__)

SERVICE_ERRORS = (RedisConnectionError, RedisTimeoutError, OSError)
# Keys written or deleted while away, remembered for deletion at recovery; past this
# many, the oldest are forgotten (their own timeouts still bound their age).
LOST_KEYS_MAX = 10_000


class FailOpenRedisCache(RedisCache):
    def __init__(self, server, params):
        params = dict(params)
        options = dict(params.get("OPTIONS") or {})
        open_seconds = float(options.pop("CIRCUIT_OPEN_SECONDS", 10))
        self.local_prefixes = tuple(options.pop("LOCAL_FALLBACK_PREFIXES", ()))
        # redis-py retries a refused connection three times with backoff (~4 s): a
        # page must not wait that long for a cache.
        options.setdefault("socket_connect_timeout", 0.5)
        options.setdefault("socket_timeout", 2.0)
        options.setdefault("retry", Retry(NoBackoff(), 0))
        params["OPTIONS"] = options
        super().__init__(server, params)
        self.circuit = CircuitBreaker(name="cache", open_seconds=open_seconds)
        self._local = LocMemCache("fail-open-local", {"OPTIONS": {"MAX_ENTRIES": 5000}})
        self._lost_keys: dict[str, None] = {}  # ordered set

    @property
    def available(self) -> bool:
        """Whether Redis answered last time (False while the circuit is open)."""
        return not self.circuit.is_open

    def ping(self) -> bool:
        """Ask Redis now (bypassing the circuit); for the health page."""
        try:
            self._cache.get_client(write=False).ping()
        except SERVICE_ERRORS:
            self.circuit.record_failure()
            return False
        self.circuit.record_success()
        return True

    # --- the wrapper --------------------------------------------------------------

    def _local_key(self, key) -> bool:
        return bool(self.local_prefixes) and str(key).startswith(self.local_prefixes)

    def _call(self, method: str, *args, lost=(), **kwargs):
        """Run RedisCache.<method>; raises _Away when Redis cannot be reached."""
        if self.circuit.is_open:
            self._remember_lost(lost)
            raise _Away
        try:
            if self._lost_keys:  # back from an outage: drop what it made stale first
                self._forget_lost_keys()
            result = getattr(RedisCache, method)(self, *args, **kwargs)
        except SERVICE_ERRORS as error:
            self.circuit.record_failure()
            self._remember_lost(lost)
            logger.warning(
                "cache unavailable (%s); running uncached for %.1f s",
                error,
                self.circuit.open_seconds,
            )
            raise _Away from error
        return result

    def _remember_lost(self, keys) -> None:
        """Keys are (key, version) pairs; stored as Redis keys for delete_many."""
        for key, version in keys:
            self._lost_keys[self.make_key(key, version)] = None
        while len(self._lost_keys) > LOST_KEYS_MAX:
            del self._lost_keys[next(iter(self._lost_keys))]

    def _forget_lost_keys(self) -> None:
        self._cache.delete_many(list(self._lost_keys))
        self._lost_keys = {}

    # --- Django's cache API ---------------------------------------------------------

    def get(self, key, default=None, version=None):
        try:
            return self._call("get", key, default, version)
        except _Away:
            if self._local_key(key):
                return self._local.get(key, default, version)
            return default

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return self._call(
                "add", key, value, timeout, version, lost=[(key, version)]
            )
        except _Away:
            if self._local_key(key):
                return self._local.add(key, value, timeout, version)
            return False  # not stored: callers using add as a lock do not proceed

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return self._call(
                "set", key, value, timeout, version, lost=[(key, version)]
            )
        except _Away:
            if self._local_key(key):
                self._local.set(key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return self._call("touch", key, timeout, version)
        except _Away:
            return self._local_key(key) and self._local.touch(key, timeout, version)

    def delete(self, key, version=None):
        try:
            return self._call("delete", key, version, lost=[(key, version)])
        except _Away:
            return self._local_key(key) and self._local.delete(key, version)

    def has_key(self, key, version=None):
        try:
            return self._call("has_key", key, version)
        except _Away:
            return self._local_key(key) and self._local.has_key(key, version)

    def incr(self, key, delta=1, version=None):
        try:
            return self._call("incr", key, delta, version, lost=[(key, version)])
        except _Away:
            if self._local_key(key):
                return self._local.incr(key, delta, version)
            raise ValueError(f"Key '{key}' not found (cache unavailable)") from None

    def get_many(self, keys, version=None):
        try:
            return self._call("get_many", keys, version)
        except _Away:
            return {}

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        lost = [(key, version) for key in data]
        try:
            return self._call("set_many", data, timeout, version, lost=lost)
        except _Away:
            return list(data)  # Django's contract: the keys that were not stored

    def delete_many(self, keys, version=None):
        lost = [(key, version) for key in keys]
        try:
            return self._call("delete_many", keys, version, lost=lost)
        except _Away:
            return None

    def clear(self):
        self._local.clear()
        try:
            return self._call("clear")
        except _Away:
            return False


class _Away(Exception):
    """Redis could not be reached (or the circuit is open)."""
