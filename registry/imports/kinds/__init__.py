"""The kinds of import, by name; each declares its columns and its upsert key."""

from registry.imports.kinds.anr import AnrImporter
from registry.imports.kinds.base import KindImporter, RunContext
from registry.imports.kinds.datasets import DatasetImporter
from registry.imports.kinds.organisations import OrganisationImporter
from registry.imports.kinds.people import PersonImporter
from registry.imports.kinds.projects import ProjectImporter
from registry.imports.kinds.teams import TeamImporter

# In dependency order: a kind may name records of the kinds above it.
KINDS: dict[str, type[KindImporter]] = {
    importer.kind: importer
    for importer in (
        OrganisationImporter,
        TeamImporter,
        PersonImporter,
        DatasetImporter,
        ProjectImporter,
        AnrImporter,
    )
}

__all__ = ["KINDS", "AnrImporter", "KindImporter", "RunContext"]
