"""Projects of the registry and the taxonomies that classify them."""

from projects.dashboard.models import IndicatorSnapshot
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
    "IndicatorSnapshot",
    "Project",
    "ProjectDataset",
    "ProjectFunding",
    "ProjectKeyword",
    "ProjectMember",
    "ProjectPartner",
    "ProjectPublication",
    "Technique",
]
