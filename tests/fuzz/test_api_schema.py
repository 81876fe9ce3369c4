"""Schemathesis over every operation of /api/schema/ (reads and writes), driven
in-process through the WSGI application: no response is a 5xx, and every 4xx
carries the documented `{"errors": [...]}`."""

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from tests.fuzz.conftest import tally

pytestmark = pytest.mark.django_db

# Few examples per operation keep the suite within its budget (about a minute for
# the API); schemathesis still sends boundary values, odd types and unknown slugs.
MAX_EXAMPLES = 10


@pytest.fixture
def api_schema(registry):
    """The schema served by the real WSGI application. Like Django's test client,
    keep the test's connection open: the handler would close it after a request."""
    from portal.wsgi import application

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield schemathesis.openapi.from_wsgi("/api/schema/?format=json", application)
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_no_server_error_on_any_operation(case):
    response = case.call()
    tally(response.status_code)
    assert response.status_code < 500, (
        case.method,
        case.formatted_path,
        case.query,
        case.body,
        response.text[-1500:],
    )
    if response.status_code >= 400 and response.status_code != 405:
        assert "errors" in response.json(), response.text[:300]
