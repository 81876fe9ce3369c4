"""Sign-up by e-mail, the confirmation e-mail, login, logout and the header."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from portal.core.roles import RESEARCHERS
from tests.accounts.conftest import PASSWORD, account, link_in

pytestmark = pytest.mark.django_db

EMAIL = "camille.durand@inserm.fr"


def sign_up(client, email=EMAIL):
    return client.post(
        reverse("account_signup"),
        {"email": email, "password1": PASSWORD, "password2": PASSWORD},
    )


def log_in(client, email=EMAIL, password=PASSWORD):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def test_signup_confirm_then_login(client, mailoutbox):
    response = sign_up(client)
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    user = get_user_model().objects.get(email=EMAIL)
    assert not user.groups.filter(name=RESEARCHERS).exists()

    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [EMAIL]
    assert mailoutbox[0].subject.startswith("[Registre IA santé]")
    confirm_path = link_in(mailoutbox[0], "/compte/confirm-email/")
    # The link shows a page; only its POST confirms (mail scanners follow links).
    page = client.get(confirm_path)
    assert page.status_code == 200
    assert "fr-btn" in page.content.decode()
    assert client.post(confirm_path).status_code == 302

    assert user.groups.filter(name=RESEARCHERS).exists()
    response = log_in(client)
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:home")
    assert client.get(reverse("accounts:home")).context["user"] == user


def test_unconfirmed_address_cannot_log_in(client, mailoutbox):
    sign_up(client)
    client.logout()
    mailoutbox.clear()

    response = log_in(client)

    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session
    # The first link is still valid: no second e-mail within the cooldown.
    assert len(mailoutbox) == 0
    assert client.get(reverse("accounts:home")).status_code == 302


def test_wrong_password_shows_an_error_linked_to_the_form(client, django_user_model):
    account(django_user_model, EMAIL)
    response = log_in(client, password="not-the-password")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'role="alert"' in html
    assert "_auth_user_id" not in client.session


def test_signup_errors_are_tied_to_their_field(client):
    response = client.post(
        reverse("account_signup"),
        {"email": "pas-une-adresse", "password1": "court", "password2": "autre"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'aria-describedby="id_email-erreurs"' in html
    assert 'id="id_email-erreurs"' in html
    assert 'aria-invalid="true"' in html
    assert get_user_model().objects.count() == 0


def test_header_links_follow_the_session(client, django_user_model):
    home = client.get("/").content.decode()
    assert "Se connecter" in home
    assert reverse("account_login") in home
    assert "Mon espace" not in home

    client.force_login(account(django_user_model, EMAIL, RESEARCHERS))
    home = client.get("/").content.decode()
    assert "Se connecter" not in home
    assert reverse("accounts:home") in home
    assert f'<form action="{reverse("account_logout")}" method="post">' in home
    assert "Se déconnecter" in home
    # Researchers have no admin: no link to it.
    assert "Espace contributeur" not in home


def test_logout_is_a_post(client, django_user_model):
    client.force_login(account(django_user_model, EMAIL))
    assert client.post(reverse("account_logout")).status_code == 302
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("/compte/login/", "Connexion"),
        ("/en/compte/login/", "Sign In"),
        ("/compte/signup/", "Inscription"),
        ("/en/compte/signup/", "Sign Up"),
        ("/compte/password/reset/", "mot de passe"),
    ],
)
def test_pages_in_both_languages_inside_the_portal_frame(client, path, text):
    response = client.get(path)
    html = response.content.decode()
    assert response.status_code == 200
    assert text in html
    assert 'class="fr-header"' in html
    assert 'class="fr-input' in html


def test_account_space_in_english(client, django_user_model):
    assert "Sign in" in client.get("/en/").content.decode()
    client.force_login(account(django_user_model, EMAIL, RESEARCHERS))
    html = client.get("/en/compte/").content.decode()
    assert "My space" in html
    assert "Request the link" in html
    assert "Sign out" in html
