"""The cache of team matches shown on team pages.

A match reads every public project, so a team page must not pay for one on each
view. The key holds a data version read from the database (counts and latest
changes of what matching reads) rather than a counter bumped by signals, which
queryset updates and Wagtail's unpublish bypass (as in the dashboard's cache). The
day is in the key because a call closes at its deadline; `MATCHING_CACHE_TIMEOUT`
bounds what the version misses (a team's tutelles, a person's expertise).
"""

import datetime
import hashlib
from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Max
from django.utils import translation

from projects.collaboration.models import CollaborationCall
from projects.models import Project, ProjectPartner
from projects.models.project import public_project_q
from registry.models import Evaluation, Team
from registry.models.evaluations import published_evaluation_q
from search.matching.signals import Registry, TeamProfile, registry_load, team_profiles

T = TypeVar("T")


def matching_data_version() -> str:
    """A fingerprint of the data matching reads; it changes with every edit."""
    parts = [
        Project.objects.aggregate(
            count=Count("pk"),
            live=Count("pk", filter=public_project_q()),
            changed=Max("updated_at"),
            published=Max("last_published_at"),
        ),
        {"partners": ProjectPartner.objects.count()},
        Team.objects.aggregate(count=Count("pk"), changed=Max("updated_at")),
        Evaluation.objects.aggregate(
            count=Count("pk"),
            published=Count("pk", filter=published_evaluation_q()),
            changed=Max("updated_at"),
        ),
        CollaborationCall.objects.aggregate(
            count=Count("pk"), changed=Max("updated_at")
        ),
        {"day": datetime.date.today()},
    ]
    return repr([sorted(part.items()) for part in parts])


def matching_cached(name: str, compute: Callable[[], T]) -> T:
    fingerprint = "|".join(
        [name, translation.get_language() or "", matching_data_version()]
    )
    key = "matching:" + hashlib.sha256(fingerprint.encode()).hexdigest()
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, settings.MATCHING_CACHE_TIMEOUT)
    return value


# The registry and the team profiles, built once per data version in each process:
# a match request then costs the version's aggregates, not a read of every project.
_loaded: dict = {}


def registry_current() -> tuple[Registry, dict[int, TeamProfile]]:
    """The facts of the current data, rebuilt when the data version moves.

    Callers only read them (match_context and match_rank copy what they change).
    """
    global _loaded
    version = matching_data_version()
    loaded = _loaded
    if loaded.get("version") != version:
        registry = registry_load()
        loaded = {
            "version": version,
            "registry": registry,
            "profiles": team_profiles(registry),
        }
        _loaded = loaded  # one assignment: a concurrent reader sees old or new
    return loaded["registry"], loaded["profiles"]
