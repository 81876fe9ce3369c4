"""With the cache away, limits allow (API throttles, error reports) but the login
lockout still counts; /sante/ tells which service is away and never hangs."""

import time

import pytest
from django.core.cache import cache
from django.urls import reverse

from portal import health
from portal.feedback.models import ErrorReport
from tests.accounts.conftest import PASSWORD, account
from tests.faults.conftest import CountingClient

pytestmark = [pytest.mark.services, pytest.mark.django_db]

TOO_MANY = "Trop de tentatives de connexion"


@pytest.fixture
def strict_api_throttle(settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "3/minute", "user": "3/minute"},
    }
    cache.clear()
    yield
    cache.clear()


def test_api_throttle_limits_with_the_cache(client, strict_api_throttle):
    codes = [client.get("/api/v1/domains/").status_code for _ in range(5)]
    assert codes == [200, 200, 200, 429, 429]


def test_api_throttle_allows_when_the_cache_is_away(
    client, strict_api_throttle, cache_down
):
    client = CountingClient(client, "cache")
    assert [client.get("/api/v1/domains/").status_code for _ in range(5)] == [200] * 5


def test_error_reports_are_accepted_when_the_cache_is_away(
    client, settings, cache_down
):
    settings.FEEDBACK_REPORTS_PER_HOUR = 1
    client = CountingClient(client, "cache")
    for number in range(3):
        response = client.post(
            reverse("feedback:report"),
            {
                "page_url": "/projets/",
                "description": f"Une erreur de libellé sur la page, numéro {number}.",
                "email": "",
                "website": "",
            },
        )
        assert response.status_code == 302
    assert ErrorReport.objects.count() == 3


def test_the_login_lockout_still_counts_when_the_cache_is_away(
    client, settings, django_user_model, cache_down
):
    settings.ACCOUNT_RATE_LIMITS = {
        **settings.ACCOUNT_RATE_LIMITS,
        "login_failed": "30/m/ip,3/5m/key",
    }
    cache.clear()  # also the per-process fallback
    email = "moderatrice@inria.fr"
    account(django_user_model, email)
    client = CountingClient(client, "cache")

    def log_in(password):
        return client.post(
            reverse("account_login"), {"login": email, "password": password}
        )

    for _ in range(3):  # the form again (a 429 for everyone would lock all out)
        response = log_in("mauvais-mot-de-passe")
        assert response.status_code == 200
        assert TOO_MANY not in response.content.decode()
    assert TOO_MANY in log_in(PASSWORD).content.decode()
    assert "_auth_user_id" not in client.session
    cache.clear()
    assert log_in(PASSWORD).status_code == 302  # a login still works meanwhile


def test_health_reports_every_service(client):
    response = client.get("/sante/")
    assert response.status_code == 200
    body = response.json()
    assert set(body["checks"]) == {"database", "cache", "broker", "search", "outbox"}
    assert body["checks"]["database"]["status"] == "ok"
    assert body["checks"]["cache"]["status"] == "ok"
    assert response["Cache-Control"].startswith("max-age=0")


def test_health_says_degraded_with_the_cache_away(client, cache_down):
    response = CountingClient(client, "cache").get("/sante/")
    assert response.status_code == 200
    body = response.json()
    assert body["checks"]["cache"]["status"] == "down"
    assert body["status"] == "degraded"


def test_health_answers_503_only_when_the_database_does_not(client, monkeypatch):
    def database_away():
        raise ConnectionRefusedError("no database")

    monkeypatch.setitem(health.PROBES, "database", database_away)
    response = client.get("/sante/")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "down"
    assert body["checks"]["database"] == {
        "status": "down",
        "error": "ConnectionRefusedError",
        "ms": body["checks"]["database"]["ms"],
    }


def test_a_hanging_service_does_not_hold_the_health_page(client, settings, monkeypatch):
    settings.HEALTH_PROBE_TIMEOUT_SECONDS = 0.3
    monkeypatch.setitem(health.PROBES, "search", lambda: time.sleep(3) or {})
    started = time.monotonic()
    response = client.get("/sante/")
    assert time.monotonic() - started < 2
    assert response.status_code == 200
    assert response.json()["checks"]["search"] == {"status": "down", "error": "timeout"}
