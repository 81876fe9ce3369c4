"""Who is making the current change, and through what: the audit's context.

A contextvar holds the actor for the current request, command or task. The request
itself is kept rather than its user: the API authenticates tokens inside the view,
after middleware has run, and DRF then sets the user on this same request object.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from wagtail.log_actions import get_active_log_context


@dataclass(frozen=True)
class Actor:
    source: str
    user: Any = None
    request: Any = None

    def resolved_user(self):
        user = self.user
        if user is None and self.request is not None:
            user = getattr(self.request, "user", None)
        if user is None:
            # Admin views run inside Wagtail's log context, which names the user.
            user = get_active_log_context().user
        return user if user is not None and user.is_authenticated else None


_actor: ContextVar[Actor | None] = ContextVar("audit_actor", default=None)

# A change with no request, command or task around it (a shell, a script).
UNKNOWN_SOURCE = "script"


def current_actor() -> Actor:
    return _actor.get() or Actor(source=UNKNOWN_SOURCE)


@contextlib.contextmanager
def audit_context(*, source: str, user: Any = None, request: Any = None) -> Iterator:
    """Attribute the changes made inside to `user` (or the request's user) and
    `source` ("admin", "api", "web", "command:<name>", "task:<name>")."""
    token = _actor.set(Actor(source=source, user=user, request=request))
    try:
        yield
    finally:
        _actor.reset(token)


def source_for_path(path: str) -> str:
    if path.startswith("/admin/"):
        return "admin"
    if path.startswith("/api/"):
        return "api"
    return "web"
