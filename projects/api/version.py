"""The data version of the project list (portal/core/data_version.py): the
generations of what its rows and expansions read, so an anonymous list page is
cached until one of them is written.

Read in one indexed query whatever the registry's size (the whole-table counts it
replaced cost 0.1 s at 100,000 projects). A row edited without a signal (a queryset
`update()`) is what the timeout `API_LIST_CACHE_SECONDS` bounds.
"""

from taggit.models import Tag

from portal.core.data_version import generation_follow, generation_version
from projects.models import (
    Domain,
    Project,
    ProjectDataset,
    ProjectKeyword,
    ProjectMember,
    ProjectPartner,
    Technique,
)
from registry.models import Dataset, Evaluation, Organisation, Person, Team

LIST_SOURCES = (
    Project,
    Project.domains.through,
    Project.techniques.through,
    ProjectPartner,
    ProjectMember,
    ProjectDataset,
    ProjectKeyword,
    Tag,
    Domain,
    Technique,
    Organisation,
    Team,
    Person,
    Dataset,
    Evaluation,
)


def project_list_generations_follow() -> None:
    """From ProjectsConfig.ready(): their writes draw new generations."""
    generation_follow(*LIST_SOURCES)


def project_list_data_version() -> str:
    """Changes after every commit that writes what the list shows."""
    return generation_version(*LIST_SOURCES)
