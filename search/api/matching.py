"""`/api/v1/match/teams/`: team matching for programs, the same service and results
as the `/collaborateurs/` page (search/matching.py)."""

from dataclasses import asdict

from django.conf import settings
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from portal.api_framework.core import ErrorResponseSerializer
from search.matching import MAX_SIZE, MODES, MatchInvalid, MatchRequest, team_match_list

DATABASE_ID = {"min_value": 1, "max_value": 2**31 - 1}
LIST_FIELDS = ("domains", "techniques", "preferred_institutes", "excluded_institutes")


class MatchRequestSerializer(serializers.Serializer):
    """The inputs of a match: a text and/or a published project or a team."""

    text = serializers.CharField(
        required=False,
        allow_blank=True,
        trim_whitespace=False,
        max_length=settings.MATCHING_TEXT_MAX_WORDS * 15,
        help_text="Besoin ou résumé, jusqu’à ~15 000 mots",
    )
    domains = serializers.ListField(
        child=serializers.IntegerField(**DATABASE_ID), required=False, max_length=50
    )
    techniques = serializers.ListField(
        child=serializers.IntegerField(**DATABASE_ID), required=False, max_length=50
    )
    dataset = serializers.CharField(
        required=False, allow_blank=True, max_length=80, help_text="id ou slug"
    )
    preferred_institutes = serializers.ListField(
        child=serializers.IntegerField(**DATABASE_ID), required=False, max_length=50
    )
    excluded_institutes = serializers.ListField(
        child=serializers.IntegerField(**DATABASE_ID), required=False, max_length=50
    )
    project = serializers.CharField(
        required=False, allow_blank=True, max_length=80, help_text="slug"
    )
    team = serializers.CharField(
        required=False, allow_blank=True, max_length=80, help_text="slug"
    )
    mode = serializers.ChoiceField(choices=MODES, required=False)
    size = serializers.IntegerField(min_value=1, max_value=MAX_SIZE, required=False)

    def to_match_request(self) -> MatchRequest:
        return MatchRequest(**self.validated_data)


def match_response(data) -> Response:
    serializer = MatchRequestSerializer(data=data)
    serializer.is_valid(raise_exception=True)
    try:
        matches = team_match_list(request=serializer.to_match_request())
    except MatchInvalid as invalid:
        return Response({"errors": invalid.errors}, status=400)
    results = []
    for match in matches:
        body = asdict(match)
        body["score"] = round(match.score, 4)
        results.append(body)
    return Response({"count": len(results), "results": results})


class TeamMatchView(APIView):
    """Teams that would complement (or resemble) a project, a team or a need, with
    the reasons of each match and the people to contact (names and links only)."""

    @extend_schema(
        parameters=[
            OpenApiParameter("project", str, description="slug d’un projet publié"),
            OpenApiParameter("team", str, description="slug d’une équipe"),
            OpenApiParameter("text", str),
            OpenApiParameter("dataset", str, description="id ou slug"),
            *[OpenApiParameter(name, int, many=True) for name in LIST_FIELDS],
            OpenApiParameter("mode", str, enum=list(MODES)),
            OpenApiParameter("size", int),
        ],
        responses={200: OpenApiTypes.OBJECT, 400: ErrorResponseSerializer},
    )
    def get(self, request):
        params = request.query_params
        data = {key: params.get(key) for key in params if key not in LIST_FIELDS}
        data.update({key: params.getlist(key) for key in LIST_FIELDS if key in params})
        return match_response(data)

    @extend_schema(
        request=MatchRequestSerializer,
        responses={200: OpenApiTypes.OBJECT, 400: ErrorResponseSerializer},
    )
    def post(self, request):
        if not isinstance(request.data, dict):
            return Response(
                {
                    "errors": [
                        {
                            "field": None,
                            "code": "invalid",
                            "message": "Un objet JSON est attendu.",
                        }
                    ]
                },
                status=400,
            )
        return match_response(request.data)
