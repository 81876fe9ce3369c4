"""API test fixtures: generous throttles (one test lowers them), a clean cache."""

import pytest
from django.core.cache import cache

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def generous_throttles(settings):
    """Throttle counters live in the shared cache: start clean, with rates that a
    test's burst of requests never reaches."""
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "100000/minute", "user": "100000/minute"},
    }
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def researcher(django_user_model):
    """A user linked to a person of the registry (so a possible project member)."""
    from tests.factories import PersonFactory

    user = django_user_model.objects.create_user(
        username="chercheuse",
        email="chercheuse@example.org",
        password="x-test-pass-1234",
    )
    PersonFactory(user=user, first_name="Alice", last_name="Chercheuse")
    return user


@pytest.fixture
def other_researcher(django_user_model):
    from tests.factories import PersonFactory

    user = django_user_model.objects.create_user(
        username="autre", email="autre@example.org", password="x-test-pass-1234"
    )
    PersonFactory(user=user)
    return user
