"""A list page costs the same number of queries for 5 or 50 records, expansions
included: each relation is loaded for the whole page at once."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from projects.models import Project
from tests.api.test_visibility import ALL_EXPANSIONS
from tests.factories.scenarios import rich_project

pytestmark = pytest.mark.django_db


def queries_for(client, url: str) -> int:
    client.get(url)  # warm per-process caches (content types)
    cache.clear()  # the page itself, not its cached copy (tests/api/test_list_cache.py)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    return len(queries)


def lists(page_size: int) -> dict[str, str]:
    return {
        resource: f"/api/v1/{resource}/?page_size={page_size}&expand={expand}"
        for resource, expand in ALL_EXPANSIONS.items()
    }


def test_list_query_counts_do_not_grow_with_the_page(client):
    for _ in range(5):
        rich_project()
    at_5 = {name: queries_for(client, url) for name, url in lists(100).items()}

    for _ in range(45):
        rich_project()
    assert Project.objects.public().count() == 50
    at_50 = {name: queries_for(client, url) for name, url in lists(100).items()}

    assert at_50 == at_5
    # Projects with all eight expansions: page, count-free cursor, and one query
    # per relation (plus taxonomies, keywords): a fixed budget.
    assert at_50["projects"] <= 14, at_50
    print("API list query counts (5 and 50 records):", at_50)
