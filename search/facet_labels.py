"""The labels of facet values (institutes, teams, datasets, domains, techniques),
kept by each process: a search shows up to 50 values per facet, and reading their
names on every request cost a query per facet.

A map per language, emptied when the version of the named tables changes (their
counts and latest edits, as portal/core/data_version.py), which is read at most every
SEARCH_LABELS_RECHECK_SECONDS: a renamed team shows its new name within that delay.
"""

import threading
import time

from django.conf import settings
from django.db import connection
from django.utils.translation import get_language

from projects.models import Domain, Technique
from registry.models import Dataset, Organisation, Team

_lock = threading.Lock()
_state = {"version": None, "checked": -float("inf"), "maps": {}}


def labels_version() -> str:
    """Counts and latest edits of the named tables, in one statement."""
    parts = [
        f"(SELECT CAST(count(*) AS TEXT) || ':' || "
        f"coalesce(CAST(max(updated_at) AS TEXT), '') FROM {model._meta.db_table})"
        for model in (Organisation, Team, Dataset)
    ]
    parts += [
        f"(SELECT CAST(count(*) AS TEXT) FROM {model._meta.db_table})"
        for model in (Domain, Technique)
    ]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(parts)}")
        return repr(cursor.fetchone())


def label_map() -> dict[str, dict[str, str]]:
    """Facet name → value → label, for the active language (filled by the caller)."""
    now = time.monotonic()
    with _lock:
        if now - _state["checked"] >= settings.SEARCH_LABELS_RECHECK_SECONDS:
            version = labels_version()
            if version != _state["version"]:
                _state["version"], _state["maps"] = version, {}
            _state["checked"] = now
        return _state["maps"].setdefault(get_language() or "", {})


def labels_forget() -> None:
    """Read the version again on the next search (tests change names in between)."""
    with _lock:
        _state.update(version=None, checked=-float("inf"), maps={})
