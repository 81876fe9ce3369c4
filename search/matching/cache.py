"""The cache of team matches shown on team pages.

The key holds the generations of what matching reads (portal/core/data_version.py):
one indexed query per request, whatever the registry's size. The registry's
records are followed (a request first applies their pending marks to the matching
tables), and so are the tables themselves, which a worker refreshes later
(search/matching/store.py bumps them). The day is in the key because a call closes
at its deadline; `MATCHING_CACHE_TIMEOUT` bounds what the generations miss (a
person's expertise).
"""

import datetime
from collections.abc import Callable
from typing import TypeVar

from django.conf import settings

from portal.core.data_version import (
    generation_follow,
    generation_version,
    version_cached,
)
from projects.collaboration.models import CollaborationCall
from projects.models import (
    Project,
    ProjectDataset,
    ProjectKeyword,
    ProjectPartner,
)
from registry.models import Evaluation, Organisation, Team, TeamExpertise
from search.matching.models import MatchingTeam

T = TypeVar("T")

# Every write of these changes what matching may answer.
MATCHING_SOURCES = (
    Project,
    ProjectPartner,
    ProjectDataset,
    ProjectKeyword,
    Project.domains.through,
    Project.techniques.through,
    Team,
    Team.parents.through,
    TeamExpertise,
    Organisation,
    Evaluation,
    CollaborationCall,
)


def matching_generations_follow() -> None:
    """From SearchConfig.ready(): the sources' writes draw new generations. The
    tables are bumped by their writer (bulk writes send no signal)."""
    generation_follow(*MATCHING_SOURCES)


def matching_data_version() -> str:
    """A version of the data matching reads; it changes after every commit."""
    version = generation_version(*MATCHING_SOURCES, MatchingTeam)
    return f"{version};day={datetime.date.today()}"


def matching_cached(name: str, compute: Callable[[], T]) -> T:
    return version_cached(
        namespace="matching",
        key=name,
        version=matching_data_version(),
        compute=compute,
        timeout=settings.MATCHING_CACHE_TIMEOUT,
    )
