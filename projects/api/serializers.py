"""Public representations of projects and taxonomy terms, and the draft payload.

Related records are slugs unless `?expand=` asks for them; reverse relations
(partners, members, datasets, evaluations, fundings, publications) appear only
when expanded, each loaded for the whole page in one query.
"""

from django.db.models import Prefetch
from rest_framework import serializers

from portal.core.api.core import ExpandableSerializerMixin, Expansion
from portal.core.api.rows import PrebuiltRows, RowsLoader
from projects.api import rows
from projects.models import (
    Domain,
    Project,
    ProjectDataset,
    ProjectFunding,
    ProjectMember,
    ProjectPartner,
    ProjectPublication,
    Technique,
)
from projects.models.legal_basis import LEGAL_BASIS_FIELDS
from registry.api.serializers import (
    DatasetSummarySerializer,
    OrganisationSummarySerializer,
    PersonSummarySerializer,
    TeamSummarySerializer,
    WebUrlField,
    tag_names,
)
from registry.models import Evaluation


class TaxonomyTermSerializer(serializers.ModelSerializer):
    parent = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        fields = ["slug", "name", "name_en", "parent", "position"]


class DomainSerializer(TaxonomyTermSerializer):
    class Meta(TaxonomyTermSerializer.Meta):
        model = Domain


class TechniqueSerializer(TaxonomyTermSerializer):
    class Meta(TaxonomyTermSerializer.Meta):
        model = Technique


class ProjectSummarySerializer(serializers.ModelSerializer):
    class Meta:
        model = Project
        fields = ["slug", "title", "acronym", "status", "trl"]


class PartnerSerializer(serializers.ModelSerializer):
    team = TeamSummarySerializer(read_only=True)
    organisation = OrganisationSummarySerializer(read_only=True)

    class Meta:
        model = ProjectPartner
        fields = ["team", "organisation", "role"]


class MemberSerializer(serializers.ModelSerializer):
    person = PersonSummarySerializer(read_only=True)

    class Meta:
        model = ProjectMember
        fields = ["person", "role"]


class DatasetUseSerializer(serializers.ModelSerializer):
    dataset = DatasetSummarySerializer(read_only=True)

    class Meta:
        model = ProjectDataset
        fields = ["dataset", "purpose", "access_status", *LEGAL_BASIS_FIELDS]


class FundingSerializer(serializers.ModelSerializer):
    funder = OrganisationSummarySerializer(read_only=True)

    class Meta:
        model = ProjectFunding
        fields = ["funder", "programme", "grant_reference", "amount_eur"]


class PublicationSerializer(serializers.ModelSerializer):
    class Meta:
        model = ProjectPublication
        fields = ["title", "year", "doi", "hal_id", "url"]


class ProjectEvaluationSerializer(serializers.ModelSerializer):
    evaluator = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = Evaluation
        fields = ["reference", "model_version", "evaluator", "verdict", "published_on"]


def rows_expansion(
    serializer: type[serializers.ModelSerializer], loader: RowsLoader
) -> Expansion:
    """An expansion read as plain rows for the whole page, documented by
    `serializer` (which the rows equal: tests/api/test_api_rows.py)."""
    attribute = f"expanded_{serializer.__name__}"
    return Expansion(
        field=lambda: PrebuiltRows(
            child=serializer(), source=attribute, read_only=True
        ),
        rows=loader,
        rows_attribute=attribute,
    )


class ProjectSerializer(ExpandableSerializerMixin, serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="api:project-detail", lookup_field="slug"
    )
    web_url = WebUrlField()
    stage = serializers.CharField(read_only=True)
    lead_organisation = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    lead_team = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    domains = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    techniques = serializers.SlugRelatedField(
        slug_field="slug", many=True, read_only=True
    )
    keywords = serializers.SerializerMethodField()

    expansions = {
        "lead_organisation": Expansion(
            field=lambda: OrganisationSummarySerializer(read_only=True)
        ),
        "lead_team": Expansion(field=lambda: TeamSummarySerializer(read_only=True)),
        "partners": rows_expansion(PartnerSerializer, rows.PARTNER_ROWS),
        "members": rows_expansion(MemberSerializer, rows.MEMBER_ROWS),
        "datasets": rows_expansion(DatasetUseSerializer, rows.DATASET_ROWS),
        "evaluations": rows_expansion(
            ProjectEvaluationSerializer, rows.EVALUATION_ROWS
        ),
        "fundings": Expansion(
            field=lambda: FundingSerializer(many=True, read_only=True),
            prefetch=(
                Prefetch(
                    "fundings",
                    queryset=ProjectFunding.objects.select_related("funder").order_by(
                        "pk"
                    ),
                ),
            ),
        ),
        "publications": Expansion(
            field=lambda: PublicationSerializer(many=True, read_only=True),
            prefetch=("publications",),
        ),
    }

    class Meta:
        model = Project
        fields = [
            "url",
            "web_url",
            "slug",
            "title",
            "title_en",
            "acronym",
            "summary",
            "summary_en",
            "description",
            "description_en",
            "status",
            "trl",
            "stage",
            "start_date",
            "end_date",
            "domains",
            "techniques",
            "keywords",
            "lead_organisation",
            "lead_team",
            "code_repository",
            "ce_class",
            "ai_act_risk",
            "is_fictional",
            "first_published_at",
            "last_published_at",
            "created_at",
            "updated_at",
        ]

    def get_keywords(self, project) -> list[str]:
        return tag_names(project, "keywords")


class ProjectDraftSerializer(ProjectSerializer):
    """What a write returns: the draft as saved in its revision, and its state."""

    url = None
    live = serializers.BooleanField(read_only=True)
    has_unpublished_changes = serializers.BooleanField(read_only=True)
    revision = serializers.IntegerField(source="latest_revision_id", read_only=True)

    class Meta(ProjectSerializer.Meta):
        fields = [name for name in ProjectSerializer.Meta.fields if name != "url"] + [
            "live",
            "has_unpublished_changes",
            "revision",
        ]
