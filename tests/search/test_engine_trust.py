"""A search that Elasticsearch answers counts as a health check (search/service.py):
a busy process no longer pays a cluster-health round trip every few seconds."""

import time

import pytest

from search import client as engine_client
from search.contract import SearchRequest
from search.service import search_execute

pytestmark = pytest.mark.django_db


def test_an_answered_search_renews_the_trust_in_the_engine(indexed_scene):
    engine_client.es_reset()
    search_execute(request=SearchRequest(query="mammographie"))
    trusted_since = engine_client._last_success
    time.sleep(0.01)

    response = search_execute(request=SearchRequest(query="mammographie"))

    assert response.engine == "elasticsearch"
    assert engine_client._last_success > trusted_since
