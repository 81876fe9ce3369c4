"""The kinds of import, by name; each declares its columns and its upsert key."""

from projects.imports.kinds.anr import AnrImporter
from projects.imports.kinds.base import KindImporter, RunContext
from projects.imports.kinds.dataset_uses import DatasetUseImporter
from projects.imports.kinds.datasets import DatasetImporter
from projects.imports.kinds.organisations import OrganisationImporter
from projects.imports.kinds.people import PersonImporter
from projects.imports.kinds.projects import ProjectImporter
from projects.imports.kinds.teams import TeamImporter

# In dependency order: a kind may name records of the kinds above it.
KINDS: dict[str, type[KindImporter]] = {
    importer.kind: importer
    for importer in (
        OrganisationImporter,
        TeamImporter,
        PersonImporter,
        DatasetImporter,
        ProjectImporter,
        DatasetUseImporter,
        AnrImporter,
    )
}

__all__ = ["KINDS", "AnrImporter", "KindImporter", "RunContext"]
