"""Accounts tests: the real cache (Redis under make test) holds allauth's rate limits,
so each test starts with it empty; Celery tasks (the e-mails) run in-process."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.core.cache import cache

from portal.celery import app as celery_app

PASSWORD = "x-Registre-ia-2026!"


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def eager_celery(monkeypatch):
    monkeypatch.setattr(celery_app.conf, "task_always_eager", True)


def account(django_user_model, email: str, *groups: str, verified: bool = True):
    """A user who signed up with `email` (confirmed unless told otherwise)."""
    user = django_user_model.objects.create_user(
        username=email.split("@")[0], email=email, password=PASSWORD
    )
    EmailAddress.objects.create(user=user, email=email, primary=True, verified=verified)
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


def link_in(message, pattern: str) -> str:
    """The path of the first link in an e-mail matching `pattern`."""
    match = re.search(r"https?://[^/\s]+(\S*" + pattern + r"\S*)", message.body)
    assert match, message.body
    return match.group(1)
