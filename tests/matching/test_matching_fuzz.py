"""Schema fuzzing of /api/v1/match/teams/, POST included: never a 5xx."""

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from search.client import es_reset
from tests.matching.scene import build_scene

pytestmark = pytest.mark.django_db


@pytest.fixture
def match_schema(db, settings):
    from portal.wsgi import application

    settings.ELASTICSEARCH_URL = ""
    es_reset()
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    build_scene()
    yield schemathesis.openapi.from_wsgi("/api/schema/?format=json", application)
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)
    es_reset()


schema = schemathesis.pytest.from_fixture("match_schema").include(
    path="/api/v1/match/teams/"
)


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_error_on_match(case):
    response = case.call()
    assert response.status_code < 500, (case.method, case.body, response.text[-800:])
    if response.status_code >= 400:
        assert "errors" in response.json(), response.text[:300]
