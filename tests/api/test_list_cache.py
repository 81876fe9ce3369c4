"""Anonymous list pages come from the cache while the data version is unchanged
(portal/core/api/page_cache.py): an edit shows at once, a signed-in request never
reads the shared cache, and with Redis away the page is computed."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from projects.models import ProjectPartner
from tests.factories import ProjectPartnerFactory, TeamFactory
from tests.factories.scenarios import rich_project

pytestmark = pytest.mark.django_db

URL = "/api/v1/projects/?page_size=50&expand=partners,members,datasets,evaluations"


def roles(response) -> list[str]:
    return [p["role"] for row in response.json()["results"] for p in row["partners"]]


def test_a_repeated_anonymous_page_costs_one_query_and_an_edit_shows_at_once(client):
    project = rich_project()
    first = client.get(URL)
    with CaptureQueriesContext(connection) as queries:
        again = client.get(URL)
    assert again.content == first.content
    assert again["Content-Type"] == first["Content-Type"]
    assert len(queries) == 1, [q["sql"][:80] for q in queries]  # the data version

    ProjectPartnerFactory(project=project, team=TeamFactory(), role="clinical")
    assert "clinical" in roles(client.get(URL))


def test_a_signed_in_request_neither_reads_nor_fills_the_shared_cache(
    client, django_user_model
):
    rich_project()
    assert "industrial" not in roles(client.get(URL))  # cached for anonymous
    # An in-place edit the version cannot see (what the timeout bounds).
    ProjectPartner.objects.update(role="industrial")
    assert "industrial" not in roles(client.get(URL))  # proves the cache serves

    user = django_user_model.objects.create_user(username="u", password="x-pw-12345")
    client.force_login(user)
    assert set(roles(client.get(URL))) == {"industrial"}


def test_with_the_cache_down_the_page_is_computed(client, settings):
    from tests.faults.conftest import closed_port, redis_cache_settings

    rich_project()
    expected = client.get(URL).json()
    settings.CACHES = redis_cache_settings(f"redis://127.0.0.1:{closed_port()}/0")
    response = client.get(URL)
    assert response.status_code == 200
    assert response.json() == expected


def test_the_version_is_read_at_most_once_per_delay_for_every_process(client, settings):
    from django.core.cache import cache

    settings.API_LIST_VERSION_SECONDS = 60
    project = rich_project()
    first = client.get(URL)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL).content == first.content
    assert len(queries) == 0  # version and page both from the cache

    ProjectPartnerFactory(project=project, team=TeamFactory(), role="clinical")
    assert "clinical" not in roles(client.get(URL))  # within the delay
    cache.delete("api:projects:version")  # the delay is over
    assert "clinical" in roles(client.get(URL))
