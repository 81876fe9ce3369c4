"""Forgotten password: the reset e-mail, its single-use link, the new password."""

import pytest
from django.urls import reverse

from tests.accounts.conftest import account, link_in

pytestmark = pytest.mark.django_db

EMAIL = "chercheur@cnrs.fr"
NEW_PASSWORD = "Nouveau-mot-de-passe-2026"


def test_reset_by_email_link(client, django_user_model, mailoutbox):
    user = account(django_user_model, EMAIL)
    response = client.post(reverse("account_reset_password"), {"email": EMAIL})
    assert response.status_code == 302
    assert response["Location"] == reverse("account_reset_password_done")
    assert "fr-header" in client.get(response["Location"]).content.decode()

    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [EMAIL]
    key_path = link_in(mailoutbox[0], "/compte/password/reset/key/")
    # allauth moves the key into the session and redirects to the form.
    response = client.get(key_path, follow=True)
    assert response.status_code == 200
    form_path = response.redirect_chain[-1][0]
    response = client.post(
        form_path, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("account_reset_password_from_key_done")

    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    # The link works once.
    response = client.get(key_path, follow=True)
    assert "fr-header" in response.content.decode()
    assert response.context["token_fail"]

    response = client.post(
        reverse("account_login"), {"login": EMAIL, "password": NEW_PASSWORD}
    )
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def test_unknown_address_gets_the_same_answer(client, mailoutbox):
    response = client.post(
        reverse("account_reset_password"), {"email": "inconnu@example.org"}
    )
    # No account enumeration: same redirect; the e-mail says no account exists.
    assert response.status_code == 302
    assert response["Location"] == reverse("account_reset_password_done")
