"""`/api/v1/match/teams/`: team matching for programs, the same service and results
as the `/collaborateurs/` page (search/matching/match.py)."""

from django.conf import settings
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from portal.core.api.core import ErrorResponseSerializer
from search.matching.match import (
    MAX_SIZE,
    MODES,
    MatchInvalid,
    MatchRequest,
    team_match_list,
)

LIST_FIELDS = (
    "domains",
    "techniques",
    "datasets",
    "expertise",
    "preferred_institutes",
    "excluded_institutes",
    "have_domains",
    "have_techniques",
    "have_datasets",
)


def _ids_or_slugs(help_text: str):
    return serializers.ListField(
        child=serializers.CharField(max_length=120),
        required=False,
        max_length=50,
        help_text=help_text + " (ids ou slugs)",
    )


def _text(help_text: str):
    return serializers.CharField(
        required=False,
        allow_blank=True,
        trim_whitespace=False,
        max_length=settings.MATCHING_TEXT_MAX_WORDS * 15,
        help_text=help_text,
    )


class MatchRequestSerializer(serializers.Serializer):
    """What we need (text, expertise, terms, datasets, institutes) and what we
    have (a published project, a team, or a described profile)."""

    text = _text("Besoin ou résumé, jusqu’à ~15 000 mots")
    domains = _ids_or_slugs("domaines médicaux requis")
    techniques = _ids_or_slugs("techniques d’IA requises")
    datasets = _ids_or_slugs("jeux de données que l’équipe doit connaître")
    dataset = serializers.CharField(
        required=False, allow_blank=True, max_length=80, help_text="id ou slug"
    )
    expertise = serializers.ListField(
        child=serializers.CharField(max_length=120), required=False, max_length=50
    )
    preferred_institutes = _ids_or_slugs("instituts préférés")
    excluded_institutes = _ids_or_slugs("instituts exclus")
    project = serializers.CharField(
        required=False, allow_blank=True, max_length=80, help_text="slug"
    )
    team = serializers.CharField(
        required=False, allow_blank=True, max_length=80, help_text="slug"
    )
    have_text = _text("ce que l’équipe demandeuse a déjà")
    have_domains = _ids_or_slugs("domaines déjà couverts")
    have_techniques = _ids_or_slugs("techniques déjà maîtrisées")
    have_datasets = _ids_or_slugs("jeux de données déjà obtenus")
    mode = serializers.ChoiceField(choices=MODES, required=False)
    size = serializers.IntegerField(min_value=1, max_value=MAX_SIZE, required=False)

    def to_match_request(self) -> MatchRequest:
        return MatchRequest(**self.validated_data)


class LinkSerializer(serializers.Serializer):
    name = serializers.CharField()
    url = serializers.CharField(help_text="chemin de la page publique")


class CallRefSerializer(serializers.Serializer):
    title = serializers.CharField()
    url = serializers.CharField()
    fit = serializers.FloatField(help_text="part de ce que l’appel cherche, 0–1")
    matched = serializers.ListField(
        child=serializers.CharField(), help_text="ce qui correspond"
    )


class MatchReasonsSerializer(serializers.Serializer):
    """Why a team matches, as data and as sentences in the request's language."""

    matched_terms = serializers.ListField(child=serializers.CharField())
    covered_domains = serializers.ListField(child=serializers.CharField())
    covered_techniques = serializers.ListField(child=serializers.CharField())
    covered_expertise = serializers.ListField(child=serializers.CharField())
    complementary_expertise = serializers.ListField(child=serializers.CharField())
    shared_datasets = serializers.ListField(child=serializers.CharField())
    missing_datasets = serializers.ListField(child=serializers.CharField())
    common_partners = LinkSerializer(many=True)
    past_collaborators = LinkSerializer(many=True)
    latest_start_year = serializers.IntegerField(allow_null=True)
    cross_institute = serializers.BooleanField()
    preferred_institute = serializers.BooleanField()
    open_calls = CallRefSerializer(many=True)
    evaluated_projects = serializers.ListField(
        child=serializers.CharField(),
        help_text="projets de l’équipe ayant une évaluation INESIA publiée",
    )
    sentences = serializers.ListField(child=serializers.CharField())


class TeamMatchSerializer(serializers.Serializer):
    pk = serializers.IntegerField()
    slug = serializers.CharField()
    name = serializers.CharField()
    url = serializers.CharField()
    institutes = serializers.ListField(child=serializers.CharField())
    score = serializers.SerializerMethodField(help_text="0–1")
    signals = serializers.DictField(
        child=serializers.FloatField(),
        help_text="valeur 0–1 de chaque signal (poids : MATCHING_WEIGHTS)",
    )
    reasons = MatchReasonsSerializer()
    lifted_by_diversity = serializers.BooleanField(
        help_text="placée au-dessus d’une équipe de meilleur score pour varier les "
        "instituts"
    )
    experts = LinkSerializer(many=True, help_text="noms et pages, jamais d’adresse")

    def get_score(self, match) -> float:
        return round(match.score, 4)


class TeamMatchListSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    results = TeamMatchSerializer(many=True)


def match_response(data) -> Response:
    serializer = MatchRequestSerializer(data=data)
    serializer.is_valid(raise_exception=True)
    try:
        matches = team_match_list(request=serializer.to_match_request())
    except MatchInvalid as invalid:
        return Response({"errors": invalid.errors}, status=400)
    return Response(
        TeamMatchListSerializer({"count": len(matches), "results": matches}).data
    )


class TeamMatchView(APIView):
    """Teams that would complement (or resemble) a project, a team or a need, with
    the reasons of each match and the people to contact (names and links only)."""

    @extend_schema(
        parameters=[
            OpenApiParameter("project", str, description="slug d’un projet publié"),
            OpenApiParameter("team", str, description="slug d’une équipe"),
            OpenApiParameter("text", str),
            OpenApiParameter("dataset", str, description="id ou slug"),
            *[OpenApiParameter(name, str, many=True) for name in LIST_FIELDS],
            OpenApiParameter("mode", str, enum=list(MODES)),
            OpenApiParameter("size", int),
        ],
        responses={200: TeamMatchListSerializer, 400: ErrorResponseSerializer},
    )
    def get(self, request):
        params = request.query_params
        data = {key: params.get(key) for key in params if key not in LIST_FIELDS}
        data.update({key: params.getlist(key) for key in LIST_FIELDS if key in params})
        return match_response(data)

    @extend_schema(
        request=MatchRequestSerializer,
        responses={200: TeamMatchListSerializer, 400: ErrorResponseSerializer},
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
