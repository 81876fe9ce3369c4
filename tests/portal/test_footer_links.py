"""The footer's editorial links are found once, then read from the cache: every
public page shows them (four queries a page otherwise)."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def test_footer_links_are_cached_per_language(client):
    cache.clear()
    first = client.get("/projets/")
    assert 'href="/a-propos/"' in first.text
    assert 'href="/mentions-legales/"' in first.text
    with CaptureQueriesContext(connection) as queries:
        again = client.get("/projets/")
    assert 'href="/a-propos/"' in again.text
    assert not [q for q in queries if "wagtailcore_page" in q["sql"]]
    assert 'href="/en/a-propos/"' in client.get("/en/projects/").text
