"""What projects add to the registry's API: `?expand=projects` on a person (their
roles in public projects) and on a dataset (the public projects that use it).

Registered from `ProjectsConfig.ready()` through `portal.core.related`, since the
registry layer may not import projects (docs/architecture.md).
"""

from django.db.models import Prefetch
from rest_framework import serializers

from portal.core import related
from portal.core.api.core import Expansion
from projects.api.serializers import ProjectSummarySerializer
from projects.models import Project, ProjectDataset, ProjectMember
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
        fields = ["project", "purpose", "access_status"]


def register_registry_expansions() -> None:
    related.register_expansion(
        PersonSerializer,
        "projects",
        Expansion(
            field=lambda: PersonProjectSerializer(
                source="public_project_roles", many=True, read_only=True
            ),
            prefetch=(
                Prefetch(
                    "project_roles",
                    queryset=ProjectMember.objects.filter(
                        project__in=Project.objects.public()
                    ).select_related("project"),
                    to_attr="public_project_roles",
                ),
            ),
        ),
    )
    related.register_expansion(
        DatasetSerializer,
        "projects",
        Expansion(
            field=lambda: DatasetProjectUseSerializer(
                source="public_project_uses", many=True, read_only=True
            ),
            prefetch=(
                Prefetch(
                    "project_uses",
                    queryset=ProjectDataset.objects.filter(
                        project__in=Project.objects.public()
                    ).select_related("project"),
                    to_attr="public_project_uses",
                ),
            ),
        ),
    )
