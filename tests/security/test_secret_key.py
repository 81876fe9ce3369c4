"""Production settings refuse, at start-up, a secret key anyone could know or
guess; an empty one used to start and then answer 500 on every request."""

import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from portal.core.secret_key import secret_key_checked


@pytest.mark.parametrize(
    ("key", "reason"),
    [
        ("", "empty"),
        ("x", "development key"),
        ("dev-only-insecure-key-change-me", "development key"),
        ("django-insecure-" + secrets.token_urlsafe(64), "startproject"),
        (secrets.token_urlsafe(64)[:49], "fewer than 50"),
        ("ab" * 40, "distinct characters"),
    ],
)
def test_weak_keys_are_refused_with_the_reason(key, reason):
    with pytest.raises(ImproperlyConfigured, match=reason):
        secret_key_checked(key)


def test_a_long_random_key_is_kept():
    key = secrets.token_urlsafe(64)
    assert secret_key_checked(key) == key


def start_production(secret_key: str) -> subprocess.CompletedProcess:
    """`manage.py check` in a fresh process under the production settings."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": secret_key,
        "ALLOWED_HOSTS": "registre.example.fr",
    }
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("secret_key", ["", "dev-only-insecure-key-change-me"])
def test_production_refuses_to_start(secret_key):
    started = start_production(secret_key)

    assert started.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY is refused" in started.stderr
