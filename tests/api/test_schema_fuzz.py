"""Schema fuzzing with schemathesis: every GET endpoint of /api/schema/, driven
in-process through the WSGI application, never answers with a 5xx."""

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from tests.factories.scenarios import rich_project

pytestmark = pytest.mark.django_db

# Few examples per operation keep the whole run under a minute; schemathesis
# still sends boundary values, unknown slugs, odd cursors and filters.
MAX_EXAMPLES = 12


@pytest.fixture
def api_schema(db):
    """The schema served by the real WSGI application. Like Django's test client,
    keep the test's connection open: the handler would close it after a request."""
    from portal.wsgi import application

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    rich_project()
    yield schemathesis.openapi.from_wsgi("/api/schema/?format=json", application)
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


schema = schemathesis.pytest.from_fixture("api_schema").include(method="GET")


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_no_server_error_on_any_get_endpoint(case):
    response = case.call()
    assert response.status_code < 500, (
        case.method,
        case.formatted_path,
        case.query,
        response.text[-1500:],
    )
    if response.status_code >= 400 and response.status_code != 405:
        assert "errors" in response.json(), response.text[:300]
