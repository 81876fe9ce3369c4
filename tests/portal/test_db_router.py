"""Reads on the replica (portal/core/db_router.py), against the real PostgreSQL: the
`replica` alias is the test database's mirror (portal/settings/test.py), a
connection of its own, so which alias ran each query is observable."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.signals import request_finished, request_started
from django.db import connections, router, transaction
from django.test.utils import CaptureQueriesContext

from portal.core.db_router import PrimaryReplicaRouter, request_may_read_replica
from projects.models import Domain
from tests.factories import ProjectFactory

ROUTED = ["portal.core.db_router.PrimaryReplicaRouter"]
pytestmark = pytest.mark.django_db(databases=["default", "replica"])


@pytest.fixture(autouse=True)
def routed(settings):
    settings.DATABASE_ROUTERS = ROUTED  # clears Django's cached routers


def queries_by_alias(call) -> dict[str, int]:
    with CaptureQueriesContext(connections["default"]) as primary:
        with CaptureQueriesContext(connections["replica"]) as replica:
            call()
    return {"default": len(primary), "replica": len(replica)}


# Committed rows (transaction=True): the replica's connection sees what the
# primary's committed, as a real replica does once it has replayed it.
@pytest.mark.django_db(
    transaction=True, serialized_rollback=True, databases=["default", "replica"]
)
def test_a_visitors_api_read_runs_on_the_replica(client):
    project = ProjectFactory()
    response = None

    def read():
        nonlocal response
        response = client.get(f"/api/v1/projects/{project.slug}/")

    counts = queries_by_alias(read)
    assert response.status_code == 200
    assert response.json()["slug"] == project.slug  # committed rows are seen there
    assert counts["replica"] > 0
    assert counts["default"] == 0


@pytest.mark.django_db(
    transaction=True, serialized_rollback=True, databases=["default", "replica"]
)
def test_a_signed_in_client_reads_the_primary(client, django_user_model):
    project = ProjectFactory()
    user = django_user_model.objects.create_user(username="u", password="x-pw-12345")
    assert queries_by_alias(lambda: client.get("/api/v1/domains/"))["replica"] > 0
    client.force_login(user)  # a session cookie: it may just have written
    counts = queries_by_alias(lambda: client.get(f"/api/v1/projects/{project.slug}/"))
    assert counts["replica"] == 0
    assert counts["default"] > 0


@pytest.mark.parametrize(
    ("environ", "replica"),
    [
        ({"REQUEST_METHOD": "GET"}, True),
        ({"REQUEST_METHOD": "HEAD", "HTTP_COOKIE": "csrftoken=x"}, True),
        ({"REQUEST_METHOD": "GET", "HTTP_COOKIE": "a=1; sessionid=abc"}, False),
        ({"REQUEST_METHOD": "GET", "HTTP_AUTHORIZATION": "Token abc"}, False),
        ({"REQUEST_METHOD": "POST"}, False),
        ({"REQUEST_METHOD": "OPTIONS"}, False),
        (None, False),  # ASGI's scope, a task: no environ
    ],
)
def test_which_requests_may_read_the_replica(environ, replica):
    assert request_may_read_replica(environ) is replica


def request(method: str = "GET", **environ):
    """What Django's handlers signal at the start of a request."""
    request_started.send(sender=None, environ={"REQUEST_METHOD": method, **environ})


# Outside the test's own transaction (inside one, every read is the primary's).
@pytest.mark.django_db(
    transaction=True, serialized_rollback=True, databases=["default", "replica"]
)
def test_after_a_write_and_inside_a_transaction_reads_go_to_the_primary():
    request()
    try:
        assert router.db_for_read(Domain) == "replica"
        with transaction.atomic():
            assert router.db_for_read(Domain) == "default"
        assert router.db_for_read(Domain) == "replica"

        Domain.objects.create(name="Nouveau", slug="nouveau")  # a write pins
        assert router.db_for_read(Domain) == "default"
        assert Domain.objects.filter(slug="nouveau").exists()  # read back
    finally:
        request_finished.send(sender=None)


def test_outside_a_request_everything_reads_the_primary():
    # Celery tasks and commands re-fetch what was just committed: no lag allowed.
    assert router.db_for_read(Domain) == "default"
    request()
    request_finished.send(sender=None)
    assert router.db_for_read(Domain) == "default"


def test_writes_and_migrations_only_on_the_primary():
    request()
    try:
        assert router.db_for_write(Domain) == "default"
    finally:
        request_finished.send(sender=None)
    assert router.allow_migrate("default", "projects") is True
    assert router.allow_migrate("replica", "projects") is False


def test_without_a_replica_alias_reads_stay_on_the_primary(monkeypatch):
    monkeypatch.delitem(connections.settings, "replica")
    request()
    try:
        assert PrimaryReplicaRouter().db_for_read(Domain) == "default"
    finally:
        request_finished.send(sender=None)


@pytest.mark.parametrize(
    "replica_url", ["", "postgres://reader:pw@replica.internal:5432/portal"]
)
def test_the_replica_is_declared_from_the_environment(replica_url):
    code = (
        "from django.conf import settings;"
        "print(settings.DATABASES.get('replica', {}).get('HOST'),"
        " settings.DATABASE_ROUTERS)"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DATABASE_REPLICA_URL": replica_url,
    }
    output = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if replica_url:
        assert output == f"replica.internal {ROUTED}"
    else:
        assert output == "None []"
