"""GET /api/v1/indicators/: every indicator as JSON, with the page's filters."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from projects.dashboard.definitions import DEFINITIONS
from projects.dashboard.filters import dashboard_filter_errors, dashboard_filters
from projects.dashboard.snapshots import dashboard_data

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
        errors = dashboard_filter_errors(filterset)
        if errors:
            return Response({"errors": errors}, status=400)
        data = dashboard_data(filters=filters)
        trends = data.pop("trends")
        comparison = data.pop("comparison")
        return Response(
            {
                "filters": filters.selection,
                "comparison": comparison,
                "definitions": {name: str(text) for name, text in DEFINITIONS.items()},
                "indicators": data,
                "trends": trends,
            }
        )
