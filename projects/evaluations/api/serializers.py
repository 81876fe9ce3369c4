"""The public representation of an INESIA evaluation and its scores."""

from rest_framework import serializers

from portal.core.api.core import ExpandableSerializerMixin, Expansion
from projects.api.serializers import ProjectSummarySerializer
from registry.api.serializers import OrganisationSummarySerializer, WebUrlField
from registry.models import Evaluation, EvaluationScore


class ScoreSerializer(serializers.ModelSerializer):
    criterion = serializers.SlugRelatedField(slug_field="code", read_only=True)
    criterion_name = serializers.CharField(source="criterion.name", read_only=True)

    class Meta:
        model = EvaluationScore
        fields = ["criterion", "criterion_name", "score", "comment"]


class EvaluationSerializer(ExpandableSerializerMixin, serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="api:evaluation-detail", lookup_field="reference"
    )
    web_url = WebUrlField()
    card_url = serializers.HyperlinkedIdentityField(
        view_name="api:evaluation-card", lookup_field="reference"
    )
    project = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    evaluator = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    scores = ScoreSerializer(many=True, read_only=True)

    expansions = {
        "project": Expansion(field=lambda: ProjectSummarySerializer(read_only=True)),
        "evaluator": Expansion(
            field=lambda: OrganisationSummarySerializer(read_only=True)
        ),
    }

    class Meta:
        model = Evaluation
        fields = [
            "url",
            "web_url",
            "card_url",
            "reference",
            "project",
            "model_version",
            "evaluator",
            "status",
            "requested_on",
            "started_on",
            "completed_on",
            "published_on",
            "verdict",
            "summary",
            "report_url",
            "scores",
            "is_fictional",
            "created_at",
            "updated_at",
        ]
