"""Shared fixtures. Tests run on whatever DATABASE_URL names (PostgreSQL under make test)."""

import os
import uuid

import pytest
from django.conf import settings as django_settings

from search.client import es_client, es_reset

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


# --- the real Elasticsearch, on indexes of the test's own -------------------------


def _engine_or_skip():
    if not django_settings.ELASTICSEARCH_URL:
        pytest.skip("ELASTICSEARCH_URL is unset: run `make test` for the real engine")


def _drop_indexes(prefix: str) -> None:
    es_client().indices.delete(
        index=f"{prefix}-*", ignore_unavailable=True, allow_no_indices=True
    )


def rebuild_all() -> None:
    from search.documents import DOCUMENTS
    from search.indexing import index_rebuild

    for search_type in DOCUMENTS:
        index_rebuild(search_type=search_type)


@pytest.fixture
def search_engine(settings):
    """A per-test index prefix, for tests that write to the index."""
    _engine_or_skip()
    settings.SEARCH_INDEX_PREFIX = f"test-{uuid.uuid4().hex[:10]}"
    es_reset()
    yield es_client()
    _drop_indexes(settings.SEARCH_INDEX_PREFIX)
    es_reset()


# --- a real browser ---------------------------------------------------------------


@pytest.fixture
def page():
    """A page in Debian's Chromium, French locale, 1280×900."""
    from pathlib import Path

    from playwright.sync_api import sync_playwright

    from tests.browser.support import (
        ARTIFACTS,
        CHROMIUM,
        CHROMIUM_ARGS,
        STEP_TIMEOUT_MS,
    )

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/services up")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        context = browser.new_context(
            locale="fr-FR", viewport={"width": 1280, "height": 900}
        )
        page = context.new_page()
        page.set_default_timeout(STEP_TIMEOUT_MS)
        try:
            yield page
        finally:
            browser.close()
