"""Projects of the registry and the taxonomies that classify them."""

from projects.models.project import (
    Project,
    ProjectDataset,
    ProjectFunding,
    ProjectKeyword,
    ProjectMember,
    ProjectPartner,
    ProjectPublication,
)
from projects.models.taxonomies import Domain, Technique

__all__ = [
    "Domain",
    "Project",
    "ProjectDataset",
    "ProjectFunding",
    "ProjectKeyword",
    "ProjectMember",
    "ProjectPartner",
    "ProjectPublication",
    "Technique",
]
