"""Alert tests: users, a fixed clock and both search engines.

Periods are computed from an explicit `now`, one hour ahead of the wall clock, so
rows saved during the test (auto_now timestamps) fall inside the period."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone

from search.alerts.models import SavedSearch

ONE_DAY = datetime.timedelta(days=1)


@pytest.fixture(autouse=True)
def clean_cache():
    cache.clear()  # the digest's run lock lives there
    yield
    cache.clear()


@pytest.fixture
def now():
    return timezone.now() + datetime.timedelta(hours=1)


@pytest.fixture
def make_user(django_user_model):
    counter = iter(range(1000))

    def make(**kwargs):
        n = next(counter)
        kwargs.setdefault("username", f"lectrice{n}")
        kwargs.setdefault("email", f"lectrice{n}@example.org")
        return django_user_model.objects.create_user(
            password="x-test-pass-1234", **kwargs
        )

    return make


def database_only(settings) -> None:
    """Search on the database from now on, its entries holding what was written
    while the engine was configured (the outbox drain writes them)."""
    from search.indexing import search_outbox_drain

    settings.ELASTICSEARCH_URL = ""
    search_outbox_drain()


def saved_search(user, query_string: str, *, since, **kwargs) -> SavedSearch:
    return SavedSearch.objects.create(
        user=user,
        name="Veille",
        query_string=query_string,
        last_sent_at=since,
        **kwargs,
    )


@pytest.fixture(params=["database", "elasticsearch"])
def engine(request, settings):
    """Run the test with the database fallback and with the real Elasticsearch.

    Returns a function to call once the data is in place: it builds the indexes and
    drains the outbox, as production would have done by the time the digest runs."""
    if request.param == "database":
        settings.ELASTICSEARCH_URL = ""
        from search.indexing import search_outbox_drain

        return search_outbox_drain  # writes the database's search entries
    request.getfixturevalue("search_engine")

    def index():
        from search.indexing import search_outbox_drain
        from tests.conftest import rebuild_all

        rebuild_all()
        search_outbox_drain()

    return index
