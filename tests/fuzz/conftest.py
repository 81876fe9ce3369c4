"""The fuzzing suite's tally: every request the suite sends is counted, and the
session ends by writing one line to test-artifacts/fuzz.txt (requests, failures)."""

from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings

TALLY: Counter = Counter()


def tally(status_code: int) -> None:
    TALLY["requests"] += 1
    if status_code >= 500:
        TALLY["failures"] += 1


@pytest.fixture(scope="session", autouse=True)
def fuzz_report():
    yield
    if not TALLY["requests"]:
        return
    folder = Path(settings.BASE_DIR) / "test-artifacts"
    folder.mkdir(exist_ok=True)
    (folder / "fuzz.txt").write_text(
        f"fuzz: {TALLY['requests']} requests tried, "
        f"{TALLY['failures']} failures (responses >= 500)\n",
        encoding="utf-8",
    )


@pytest.fixture(autouse=True)
def generous_throttles(settings):
    """The fuzzer is one client sending hundreds of requests: throttling would
    answer 429 to most of them and test nothing."""
    from django.core.cache import cache

    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "1000000/minute", "user": "1000000/minute"},
    }
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def registry(db):
    """One published project with its partners, datasets and evaluation, so that
    filters and expansions have something to work on."""
    from portal.services import portal_defaults_ensure
    from tests.dashboard.scene import term
    from tests.factories.scenarios import rich_project

    # Site, home page and terms come from migrations a transactional test may
    # have flushed.
    portal_defaults_ensure()
    for slug in ("oncologie", "cancer-du-sein", "apprentissage-profond"):
        term(slug)
    return rich_project()
