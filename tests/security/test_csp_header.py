"""The Content-Security-Policy header of each kind of page (the browser test,
tests/browser/test_csp.py, proves the pages still work under it)."""

import re

import pytest
from drf_spectacular.settings import spectacular_settings

pytestmark = pytest.mark.django_db

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)[^>]*>")


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    return {
        name: sources
        for name, *sources in (part.split() for part in policy.split(";") if part)
    }


@pytest.mark.parametrize("path", ["/", "/projets/", "/recherche/", "/compte/login/"])
def test_public_pages_allow_only_our_scripts_and_styles(client, path):
    response = client.get(path)

    policy = directives(response)
    assert policy["script-src"][0] == "'self'"
    assert "'unsafe-inline'" not in policy["script-src"]
    assert policy["style-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    html = response.content.decode()
    assert not INLINE_SCRIPT.search(html), INLINE_SCRIPT.search(html)
    assert not re.search(r"\son[a-z]+=\"", html), "inline event handler"


def test_redoc_runs_its_inline_start_with_the_nonce_of_the_header(client, monkeypatch):
    # With ReDoc options, its page starts ReDoc from an inline script.
    monkeypatch.setattr(
        spectacular_settings, "REDOC_UI_SETTINGS", {"hideDownloadButton": True}
    )
    response = client.get("/api/redoc/")

    policy = directives(response)
    nonce = re.search(r"'nonce-([^']+)'", " ".join(policy["script-src"])).group(1)
    html = response.content.decode()
    assert f'<script nonce="{nonce}">' in html
    assert "googleapis" not in html
    assert "'unsafe-inline'" not in policy["script-src"]
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]


def test_swagger_ui_loads_its_start_up_script_as_a_file(client):
    response = client.get("/api/docs/")

    assert not INLINE_SCRIPT.search(response.content.decode())
    assert "'unsafe-inline'" not in directives(response)["script-src"]
    script = client.get("/api/docs/?script")
    assert script.status_code == 200
    assert script["Content-Type"].startswith("application/javascript")


def test_the_wagtail_admin_gets_inline_scripts_and_keeps_the_rest(client, moderator):
    client.force_login(moderator)

    policy = directives(client.get("/admin/"))

    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
