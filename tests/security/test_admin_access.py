"""/admin/ never loops: a visitor is sent to sign in, a signed-in account without
admin access is told so on a 403 page, a moderator gets the admin."""

from urllib.parse import unquote

import pytest

pytestmark = pytest.mark.django_db


def test_a_signed_in_account_without_admin_access_gets_a_clear_403(
    client, django_user_model
):
    researcher = django_user_model.objects.create_user(
        username="chercheuse", email="chercheuse@example.org", password="x"
    )
    client.force_login(researcher)

    # Following redirects raises RedirectCycleError on a loop.
    response = client.get("/admin/", follow=True)

    assert response.status_code == 403
    assert len(response.redirect_chain) == 1
    html = response.content.decode()
    assert 'id="motif-refus"' in html
    assert "n’a pas accès à l’administration" in html
    assert "<title>Administration réservée" in html


def test_a_visitor_is_sent_to_the_portal_login_with_next(client):
    response = client.get("/admin/pages/", follow=True)

    assert response.status_code == 200
    final_url = unquote(response.redirect_chain[-1][0])
    assert final_url.startswith("/compte/login/")
    assert "next=/admin/pages/" in final_url


def test_a_moderator_reaches_the_admin(client, moderator):
    client.force_login(moderator)

    response = client.get("/admin/", follow=True)

    assert response.status_code == 200
    assert response.redirect_chain == []
    # Already allowed: the login address sends back to the admin.
    assert client.get("/admin/login/")["Location"] == "/admin/"
