"""The search API's body, built by shallow copies (search/api/views.py): the same
plain data `dataclasses.asdict` gave, without its deep copies (issue 15)."""

import json
from dataclasses import asdict

from django.utils.safestring import mark_safe

from search.api.views import _response_body
from search.contract import FacetValue, SearchHit, SearchResponse


def test_the_body_is_the_contract_as_plain_data():
    response = SearchResponse(
        hits=[
            SearchHit(
                "project", 1, "/projets/a/", "A", mark_safe("<mark>a</mark>"), 2.5
            )
        ],
        total=1,
        facets={"status": [FacetValue("active", "En cours", 1, selected=True)]},
        took_ms=3,
        engine="elasticsearch",
        next_search_after=[2.5, "a", "project-1"],
    )

    body = _response_body(response)

    assert body == asdict(response)
    assert json.loads(json.dumps(body)) == body
    body["hits"][0]["label"] = "changed"  # a copy: the response is left as it was
    assert response.hits[0].label == "A"
