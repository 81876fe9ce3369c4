"""The cache of team matches shown on team pages.

The key holds a data version of what matching reads (portal/core/data_version.py,
as the dashboard's cache). The day is in the key because a call closes at its
deadline; `MATCHING_CACHE_TIMEOUT` bounds what the version misses (a team's
tutelles, a person's expertise).
"""

import datetime
from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.db.models import Count, Max

from portal.core.data_version import data_version, version_cached
from projects.collaboration.models import CollaborationCall
from projects.models import ProjectPartner
from projects.selectors import project_data_version_part
from registry.models import Evaluation, Team
from registry.models.evaluations import published_evaluation_q

T = TypeVar("T")


def matching_data_version() -> str:
    """A fingerprint of the data matching reads; it changes with every edit."""
    return data_version(
        [
            project_data_version_part(),
            {"partners": ProjectPartner.objects.count()},
            (Team.objects.all(), {"count": Count("pk"), "changed": Max("updated_at")}),
            (
                Evaluation.objects.all(),
                {
                    "count": Count("pk"),
                    "published": Count("pk", filter=published_evaluation_q()),
                    "changed": Max("updated_at"),
                },
            ),
            (
                CollaborationCall.objects.all(),
                {"count": Count("pk"), "changed": Max("updated_at")},
            ),
            {"day": datetime.date.today()},
        ]
    )


def matching_cached(name: str, compute: Callable[[], T]) -> T:
    return version_cached(
        namespace="matching",
        key=name,
        version=matching_data_version(),
        compute=compute,
        timeout=settings.MATCHING_CACHE_TIMEOUT,
    )
