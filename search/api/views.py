"""`GET /api/v1/search/`: hits, facets, total and the engine's time, with deep
pagination through `search_after` for programs."""

import json

from django.utils.http import urlencode
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from search.contract import FACET_NAMES, FACETS, SORTS, TYPES, SearchResponse
from search.forms import SearchApiForm
from search.service import search_execute


class SearchView(APIView):
    """Search the published registry (projects, teams, people, datasets).

    Parameters: `q`, `type` (repeatable), any facet (`institute`, `team`, `domain`,
    `technique`, `dataset`, `status`, `stage`, `verdict`, `start_year`, repeatable),
    `facets` (the facets to count: names repeated or comma-separated, `type` for
    the hits per type, or `all`; none without it), `sort` (relevance, date, title),
    `page_size`, and `page` or `search_after` (the `next_search_after` of the
    previous response, JSON-encoded) to go deeper than 10,000 hits.
    """

    @extend_schema(
        parameters=[
            OpenApiParameter("q", str, description="Texte recherché"),
            OpenApiParameter("type", str, many=True, enum=list(TYPES)),
            *[OpenApiParameter(name, str, many=True) for name in FACETS],
            OpenApiParameter(
                "facets",
                str,
                many=True,
                explode=True,
                enum=[*FACET_NAMES, "all"],
                description=(
                    "Facettes à compter (répétable ou séparées par des virgules ; "
                    "`type` : les résultats par type ; `all` : toutes). Sans ce "
                    "paramètre, la réponse ne compte aucune facette (`facets: {}`)."
                ),
            ),
            OpenApiParameter("sort", str, enum=list(SORTS)),
            OpenApiParameter("page", int),
            OpenApiParameter("page_size", int),
            OpenApiParameter(
                "search_after",
                str,
                description="`next_search_after` de la réponse précédente (JSON)",
            ),
        ],
        responses={200: OpenApiTypes.OBJECT, 400: OpenApiTypes.OBJECT},
    )
    def get(self, request):
        form = SearchApiForm(request.query_params)
        if not form.is_valid():
            errors = [
                {"field": field, "code": "invalid", "message": str(message)}
                for field, messages in form.errors.items()
                for message in messages
            ]
            return Response({"errors": errors}, status=400)
        search_request = form.to_request()
        response = search_execute(request=search_request)
        body = _response_body(response)
        if response.next_search_after:
            params = request.query_params.copy()
            params.pop("page", None)
            params["search_after"] = json.dumps(response.next_search_after)
            body["next"] = request.build_absolute_uri(
                "?" + urlencode(params, doseq=True)
            )
        else:
            body["next"] = None
        return Response(body)


def _response_body(response: SearchResponse) -> dict:
    """The response as plain data, one shallow copy per object: `dataclasses.asdict`
    deep-copied each hit and each of the ~500 facet values, ~10 ms of a request
    under the profiler (issue 15). The contract's fields are all plain values."""
    body = dict(vars(response))
    body["hits"] = [dict(vars(hit)) for hit in response.hits]
    body["facets"] = {
        name: [dict(vars(value)) for value in values]
        for name, values in response.facets.items()
    }
    return body
