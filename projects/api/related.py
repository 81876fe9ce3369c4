"""What projects add to the registry's API: `?expand=projects` on a person (their
roles in public projects) and on a dataset (the public projects that use it).

Registered from `ProjectsConfig.ready()` through `portal.core.related`, since the
registry layer may not import projects (docs/architecture.md).
"""

from rest_framework import serializers

from portal.core import related
from portal.core.api.core import Expansion
from projects.api.serializers import ProjectSummarySerializer
from projects.models import ProjectDataset, ProjectMember
from projects.models.legal_basis import LEGAL_BASIS_FIELDS
from projects.related import public_rows_prefetch
from registry.api.serializers import DatasetSerializer, PersonSerializer


class PersonProjectSerializer(serializers.ModelSerializer):
    project = ProjectSummarySerializer(read_only=True)

    class Meta:
        model = ProjectMember
        fields = ["project", "role"]


class DatasetProjectUseSerializer(serializers.ModelSerializer):
    project = ProjectSummarySerializer(read_only=True)

    class Meta:
        model = ProjectDataset
        fields = ["project", "purpose", "access_status", *LEGAL_BASIS_FIELDS]


def _public_projects_expansion(
    serializer: type[serializers.ModelSerializer], relation: str, model
) -> Expansion:
    """`relation` rows (roles, uses) of public projects only, for a whole page."""
    prefetch = public_rows_prefetch(relation, model)
    return Expansion(
        field=lambda: serializer(source=prefetch.to_attr, many=True, read_only=True),
        prefetch=(prefetch,),
    )


def register_registry_expansions() -> None:
    related.register_expansion(
        PersonSerializer,
        "projects",
        _public_projects_expansion(
            PersonProjectSerializer, "project_roles", ProjectMember
        ),
    )
    related.register_expansion(
        DatasetSerializer,
        "projects",
        _public_projects_expansion(
            DatasetProjectUseSerializer, "project_uses", ProjectDataset
        ),
    )
