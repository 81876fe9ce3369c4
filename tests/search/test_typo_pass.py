"""Typos are a second pass (issue 15): the typo-tolerant clause runs only when the
words as written find fewer than TYPO_PASS_BELOW hits, on the real Elasticsearch."""

import json

import pytest

from search import queries
from search.backends import elasticsearch as engine
from search.contract import SearchRequest
from search.service import search_execute

pytestmark = pytest.mark.django_db


@pytest.fixture
def passes(monkeypatch):
    """The `typos` flag of each query the engine backend sends, in order."""
    sent = []

    def recording(request, *, typos=False):
        sent.append(typos)
        return queries.search_query(request, typos=typos)

    monkeypatch.setattr(engine, "search_query", recording)
    return sent


def test_only_the_second_pass_carries_the_typo_clause():
    request = SearchRequest(query="mammographie")

    first = json.dumps(queries.search_query(request).to_dict())
    second = json.dumps(queries.search_query(request, typos=True).to_dict())

    assert "fuzziness" not in first and "fuzziness" in second


def test_words_that_find_enough_are_not_searched_again(
    indexed_scene, passes, monkeypatch
):
    monkeypatch.setattr(engine, "TYPO_PASS_BELOW", 1)
    response = search_execute(
        request=SearchRequest(query="mammographie", types=["project"])
    )

    assert response.engine == "elasticsearch"
    assert response.hits[0].label.startswith("MAMMO")
    assert passes == [False]


def test_a_misspelt_word_is_found_by_the_second_pass(indexed_scene, passes):
    response = search_execute(
        request=SearchRequest(query="mamographie", types=["project"])
    )

    assert response.engine == "elasticsearch"
    assert response.hits[0].label.startswith("MAMMO")
    assert passes == [False, True]


def test_no_words_no_second_pass(indexed_scene, passes):
    response = search_execute(request=SearchRequest(types=["organisation"]))

    assert response.engine == "elasticsearch"
    assert passes == [False]
