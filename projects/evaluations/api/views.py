"""The API of published INESIA evaluations, with their assurance cards."""

import django_filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.decorators import action
from rest_framework.generics import get_object_or_404

from portal.core.api.core import PublicReadViewSet, conditional_response
from projects.evaluations.api.cards import evaluation_card, evaluation_card_queryset
from projects.evaluations.api.serializers import EvaluationSerializer
from registry import selectors
from registry.api.views import ERRORS, documented
from registry.models import Evaluation


class EvaluationFilter(django_filters.FilterSet):
    verdict = django_filters.MultipleChoiceFilter(choices=Evaluation.Verdict.choices)
    project = django_filters.CharFilter(field_name="project__slug")
    evaluator = django_filters.CharFilter(field_name="evaluator__slug")
    published_after = django_filters.DateFilter(
        field_name="published_on", lookup_expr="gte"
    )

    class Meta:
        model = Evaluation
        fields = ["verdict", "project", "evaluator", "published_after"]


@documented(EvaluationSerializer)
class EvaluationViewSet(PublicReadViewSet):
    """Published INESIA evaluations of published projects."""

    serializer_class = EvaluationSerializer
    filterset_class = EvaluationFilter
    lookup_field = "reference"
    ordering = ["reference"]
    ordering_fields = ["reference", "updated_at", "created_at"]
    queryset = Evaluation.objects.none()

    def public_queryset(self):
        return selectors.evaluation_public_detail()

    @extend_schema(
        responses={200: OpenApiTypes.OBJECT, **ERRORS},
        description=(
            "The evaluation as an assurance card; crosswalk to the EU AI Act "
            "database (Annex VIII) and the CHAI applied model card in "
            "projects/evaluations/api/ASSURANCE_CARD.md."
        ),
    )
    @action(detail=True, url_path="card")
    def card(self, request, reference: str):
        evaluation = get_object_or_404(
            evaluation_card_queryset(Evaluation.objects.public()), reference=reference
        )
        return conditional_response(
            request,
            data=evaluation_card(evaluation=evaluation, request=request),
            last_modified=max(evaluation.updated_at, evaluation.project.updated_at),
        )
