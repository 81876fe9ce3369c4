"""The data version of the project list (portal/core/data_version.py): what its
rows and expansions read, so an anonymous list page is cached until one changes.

Records are seen by their counts and latest edit; the project's own rows (partners,
members, dataset uses, keywords) and the vocabularies by their counts and highest
id, which catch every row added or removed. A row edited in place without touching
its project (a partner's role changed by a queryset update) is what the timeout
`API_LIST_CACHE_SECONDS` bounds.
"""

from django.db.models import Count, Max

from portal.core.data_version import VersionPart, data_version
from projects.models import (
    Domain,
    ProjectDataset,
    ProjectKeyword,
    ProjectMember,
    ProjectPartner,
    Technique,
)
from projects.selectors import project_data_version_part
from registry.models import Dataset, Evaluation, Organisation, Person, Team

RECORDS = (Organisation, Team, Person, Dataset)
ROWS = (
    ProjectPartner,
    ProjectMember,
    ProjectDataset,
    ProjectKeyword,
    Domain,
    Technique,
)


def project_list_data_version() -> str:
    parts: list[VersionPart] = [project_data_version_part()]
    parts += [
        (model.objects.all(), {"count": Count("pk"), "changed": Max("updated_at")})
        for model in RECORDS
    ]
    parts.append(
        (
            Evaluation.objects.public(),
            {"count": Count("pk"), "changed": Max("updated_at")},
        )
    )
    parts += [
        (model.objects.all(), {"count": Count("pk"), "last": Max("pk")})
        for model in ROWS
    ]
    return data_version(parts)
