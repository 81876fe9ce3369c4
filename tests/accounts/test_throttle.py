"""Brute force: failed logins are counted in the real cache, per address and per IP,
and no other door (Wagtail's login, password reset, the API token) skips the count."""

import time

import pytest
from django.urls import reverse

from portal.core.roles import MODERATORS
from tests.accounts.conftest import PASSWORD, account

pytestmark = pytest.mark.django_db

EMAIL = "moderatrice@inria.fr"
TOO_MANY = "Trop de tentatives de connexion"


@pytest.fixture
def short_window(settings):
    """Three failures per address within two seconds, so the test can outwait it."""
    settings.ACCOUNT_RATE_LIMITS = {
        **settings.ACCOUNT_RATE_LIMITS,
        "login_failed": "30/m/ip,3/2s/key",
    }


def log_in(client, password):
    return client.post(reverse("account_login"), {"login": EMAIL, "password": password})


def test_right_password_refused_until_the_window_passes(
    client, django_user_model, short_window
):
    account(django_user_model, EMAIL, MODERATORS)
    for _ in range(3):
        response = log_in(client, "mauvais-mot-de-passe")
        assert TOO_MANY not in response.content.decode()

    response = log_in(client, PASSWORD)
    assert TOO_MANY in response.content.decode()
    assert "_auth_user_id" not in client.session

    time.sleep(2.1)
    response = log_in(client, PASSWORD)
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def test_default_limit_is_five_failures_per_address(client, django_user_model):
    account(django_user_model, EMAIL)
    for _ in range(5):
        log_in(client, "mauvais-mot-de-passe")
    response = log_in(client, PASSWORD)
    assert TOO_MANY in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_wagtail_login_redirects_to_the_throttled_form(client, django_user_model):
    account(django_user_model, EMAIL, MODERATORS)
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/compte/login/?next=%2Fadmin%2Fpages%2F"

    # Posting credentials to Wagtail's form logs nobody in.
    response = client.post(
        "/admin/login/", {"username": EMAIL.split("@")[0], "password": PASSWORD}
    )
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session

    # The admin sends anonymous visitors to the allauth form too.
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0].startswith("/compte/login/?next=")


def test_wagtail_password_reset_is_closed(client):
    assert client.get("/admin/password_reset/").status_code == 404


def test_wagtail_login_counts_against_the_same_limit(client, django_user_model):
    """Failures on allauth's form also lock the admin, which has no form of its own."""
    user = account(django_user_model, EMAIL, MODERATORS)
    for _ in range(5):
        log_in(client, "mauvais-mot-de-passe")
    response = client.post(
        "/compte/login/?next=/admin/", {"login": EMAIL, "password": PASSWORD}
    )
    assert TOO_MANY in response.content.decode()
    assert client.get("/admin/").status_code == 302
    assert user.pk  # still there, untouched


def test_api_token_endpoint_is_throttled_too(client, django_user_model):
    user = account(django_user_model, EMAIL)
    url = "/api/v1/auth/token/"
    for _ in range(5):
        response = client.post(
            url, {"username": user.username, "password": "mauvais-mot-de-passe"}
        )
        assert response.status_code == 400
    response = client.post(url, {"username": user.username, "password": PASSWORD})
    assert response.status_code == 429
    assert response.json()["errors"][0]["code"] == "throttled"


def test_api_token_still_issued_with_the_right_password(client, django_user_model):
    user = account(django_user_model, EMAIL)
    response = client.post(
        "/api/v1/auth/token/", {"username": user.username, "password": PASSWORD}
    )
    assert response.status_code == 200
    assert response.json()["token"]
