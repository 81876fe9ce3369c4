"""Reads on a PostgreSQL replica, where that can never show a stale page to its writer.

With `DATABASE_REPLICA_URL` set, settings declare a second alias, `replica` (a
streaming replica of the primary), and this router. Writes always go to the
primary (`default`), and so do reads, except in one case: a GET or HEAD request
from a client without a session cookie or an `Authorization` header (a visitor,
a harvester of the API), until that request writes or opens a transaction.

Why so narrow: a replica lags its primary by some milliseconds to seconds. A
contributor who saves a draft is redirected and reads it back at once, and
Wagtail's workflow reads its own writes: both carry a session, so they read the
primary. Celery tasks are queued after commit and re-fetch what they index or
send: outside a request, everything reads the primary. Migrations run only on
the primary. Tests point the alias at the test database (`TEST["MIRROR"]`).
"""

from __future__ import annotations

from contextvars import ContextVar

from django.conf import settings
from django.core.signals import request_finished, request_started
from django.db import connections

PRIMARY = "default"
REPLICA = "replica"
READ_METHODS = ("GET", "HEAD")

# Per request (a thread or a task has its own context): whether its reads may go
# to the replica. Unset outside requests, so commands and tasks read the primary.
_replica_reads: ContextVar[bool] = ContextVar("replica_reads", default=False)


def request_may_read_replica(environ) -> bool:
    """A read by a client that cannot have written just before (no session, no
    API token): its lag is invisible to it."""
    if environ is None or environ.get("REQUEST_METHOD") not in READ_METHODS:
        return False
    if environ.get("HTTP_AUTHORIZATION"):
        return False
    cookies = environ.get("HTTP_COOKIE", "")
    return f"{settings.SESSION_COOKIE_NAME}=" not in cookies


def _on_request_started(sender, environ=None, **kwargs) -> None:
    _replica_reads.set(request_may_read_replica(environ))


def _on_request_finished(sender, **kwargs) -> None:
    _replica_reads.set(False)


def connect_signals() -> None:
    """Called from `CoreConfig.ready()`: each request decides its reads afresh."""
    request_started.connect(_on_request_started, dispatch_uid="db_router_started")
    request_finished.connect(_on_request_finished, dispatch_uid="db_router_finished")


class PrimaryReplicaRouter:
    """`DATABASE_ROUTERS` entry (only when the `replica` alias is declared)."""

    def db_for_read(self, model, **hints) -> str:
        if (
            _replica_reads.get()
            and REPLICA in connections.settings
            and not connections[PRIMARY].in_atomic_block
        ):
            return REPLICA
        return PRIMARY

    def db_for_write(self, model, **hints) -> str:
        # The rest of this request reads what it wrote: from the primary.
        _replica_reads.set(False)
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints) -> bool | None:
        aliases = {PRIMARY, REPLICA}
        if obj1._state.db in aliases and obj2._state.db in aliases:
            return True  # the same data, whichever copy each was read from
        return None

    def allow_migrate(self, db, app_label, model_name=None, **hints) -> bool:
        return db == PRIMARY
