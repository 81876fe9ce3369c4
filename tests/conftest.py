"""Shared fixtures. Tests run on whatever DATABASE_URL names (PostgreSQL under make test)."""

import os

import pytest

# Playwright's sync API runs an event loop in the test thread; Django's ORM refuses
# to be called from a thread with a running loop unless told it is safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def moderator(django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(
        username="moderatrice",
        email="moderatrice@example.org",
        password="x-test-pass-1234",
    )
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.fixture
def editor(django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(
        username="redacteur", email="redacteur@example.org", password="x-test-pass-1234"
    )
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture(autouse=True)
def french_by_default():
    """Requests to /en/ leave English active in the thread; each test starts in French."""
    from django.utils import translation

    translation.activate("fr")
    yield
    translation.activate("fr")
