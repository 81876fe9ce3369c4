"""bench/engines.py on a tiny data set: entries built, every query timed through the
PostgreSQL backend, and a report that names the engine and its figures."""

import pytest

from bench import engines
from bench import search as bench_search
from search.backends.postgres import PostgresBackend

pytestmark = pytest.mark.django_db


def test_the_postgres_backend_is_measured_on_the_bench_queries():
    bench_search.bench_seed(projects=30)
    backend = PostgresBackend()

    build = engines.entries_build(backend)
    summary = engines.engines_measure(backend, rounds=1, budget=60)
    report = engines.engines_report(projects=30, build=build, summary=summary)

    assert build.documents >= 30 and build.per_second > 0
    assert summary.requests == len(bench_search.QUERIES)
    assert 0 < summary.p50 <= summary.p95
    assert any(summary.totals)  # the synthetic texts answer the bench queries
    assert "| postgresql (backend, in-process) |" in report
