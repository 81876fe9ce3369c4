"""Every allauth page a user meets renders inside the portal's DSFR frame."""

import pytest
from django.urls import reverse

from portal.core.roles import MODERATORS
from tests.accounts.conftest import account

pytestmark = pytest.mark.django_db


def assert_portal_page(response):
    html = response.content.decode()
    assert response.status_code == 200, response.get("Location")
    assert 'class="fr-header"' in html
    assert "<h1" in html
    # allauth's bare layout starts its menu with this label.
    assert "Menu:" not in html


@pytest.mark.parametrize(
    "name",
    [
        "account_login",
        "account_signup",
        "account_reset_password",
        "account_reset_password_done",
        "account_email_verification_sent",
    ],
)
def test_anonymous_pages(client, name):
    assert_portal_page(client.get(reverse(name)))


@pytest.mark.parametrize(
    "name",
    [
        "accounts:home",
        "account_email",
        "account_change_password",
        "account_logout",
        "account_reauthenticate",
        "mfa_index",
    ],
)
def test_signed_in_pages(client, django_user_model, name):
    client.force_login(account(django_user_model, "m@example.org", MODERATORS))
    assert_portal_page(client.get(reverse(name)))


def test_expired_confirmation_link(client):
    assert_portal_page(client.get(reverse("account_confirm_email", args=["abc"])))


def test_email_page_keeps_the_primary_address_checked(client, django_user_model):
    client.force_login(account(django_user_model, "m@example.org", MODERATORS))
    html = client.get(reverse("account_email")).content.decode()
    assert 'class="fr-radio-group' in html
    assert "checked" in html
    assert "fr-badge" in html
