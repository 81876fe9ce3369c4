"""Optional TOTP for staff: enabled from the account space, then asked at login."""

import time

import pytest
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.urls import reverse

from portal.core.roles import EVALUATORS, RESEARCHERS
from tests.accounts.conftest import PASSWORD, account

pytestmark = pytest.mark.django_db

EMAIL = "evaluatrice@inesia.fr"
ACTIVATE_URL = "/compte/2fa/totp/activate/"


def totp_code(secret: str, *, step: int = 0) -> str:
    """The code an authenticator app shows now (or `step` periods later)."""
    counter = int(time.time()) // mfa_settings.TOTP_PERIOD + step
    return format_hotp_value(hotp_value(secret, counter))


def log_in(client):
    return client.post(reverse("account_login"), {"login": EMAIL, "password": PASSWORD})


def test_staff_enables_totp_then_login_asks_for_the_code(
    client, django_user_model, settings
):
    # One period of tolerance: the login code is the next one, since a code that
    # activated the app cannot be used twice.
    settings.MFA_TOTP_TOLERANCE = 1
    user = account(django_user_model, EMAIL, EVALUATORS)
    log_in(client)
    home = client.get(reverse("accounts:home")).content.decode()
    assert "Activer l’authentification à deux facteurs" in home

    # Turning on two-factor asks for the password again first.
    response = client.get(ACTIVATE_URL)
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    client.post(response["Location"], {"password": PASSWORD})
    page = client.get(ACTIVATE_URL)
    assert page.status_code == 200
    secret = page.context["form"].secret
    response = client.post(ACTIVATE_URL, {"code": "000000"})
    assert response.status_code == 200
    assert not Authenticator.objects.filter(user=user).exists()
    response = client.post(ACTIVATE_URL, {"code": totp_code(secret)})
    assert response.status_code == 302
    assert Authenticator.objects.filter(
        user=user, type=Authenticator.Type.TOTP
    ).exists()

    client.post(reverse("account_logout"))
    response = log_in(client)
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session

    page = client.get(reverse("mfa_authenticate"))
    assert 'class="fr-input' in page.content.decode()
    response = client.post(reverse("mfa_authenticate"), {"code": "123456"})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session

    response = client.post(
        reverse("mfa_authenticate"), {"code": totp_code(secret, step=1)}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_researchers_are_not_offered_two_factor(client, django_user_model):
    account(django_user_model, EMAIL, RESEARCHERS)
    log_in(client)
    home = client.get(reverse("accounts:home")).content.decode()
    assert "deux facteurs" not in home
    assert client.get(ACTIVATE_URL).status_code == 403
