"""GET /api/v1/indicators/: every indicator as JSON, with the page's filters."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from projects.dashboard.filters import dashboard_filters
from projects.dashboard.indicators import indicators_cached
from projects.dashboard.snapshots import indicator_trends

FILTER_PARAMETERS = [
    OpenApiParameter("year_from", int, description="First start year of the period."),
    OpenApiParameter("year_to", int, description="Last start year of the period."),
    OpenApiParameter("institute", int, many=True, description="Institute ids."),
    OpenApiParameter(
        "domain", int, many=True, description="Domain ids (with sub-domains)."
    ),
    OpenApiParameter(
        "technique", int, many=True, description="Technique ids (with sub-techniques)."
    ),
]


class IndicatorsApiView(APIView):
    """The dashboard's indicators, computed on published projects and evaluations."""

    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="indicators_list",
        parameters=FILTER_PARAMETERS,
        responses={200: OpenApiTypes.OBJECT},
        tags=["indicators"],
    )
    def get(self, request):
        filters, filterset = dashboard_filters(query=request.query_params)
        if filterset.is_bound and not filterset.is_valid():
            return Response(
                {
                    "errors": [
                        {"field": field, "code": "invalid", "message": str(message)}
                        for field, messages in filterset.form.errors.items()
                        for message in messages
                    ]
                },
                status=400,
            )
        return Response(
            {
                "filters": filters.selection,
                "indicators": indicators_cached(filters=filters),
                "trends": indicator_trends(),
            }
        )
