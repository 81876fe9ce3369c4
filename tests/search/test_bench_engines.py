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
    run = engines.engines_run(backend, rounds=1, budget=60)
    summary = run.summary
    report = engines.engines_report(
        projects=30, build=build, summary=summary, medians=run.medians
    )

    assert build.documents >= 30 and build.per_second > 0
    assert summary.requests == len(bench_search.QUERIES)
    assert 0 < summary.p50 <= summary.p95
    assert any(summary.totals)  # the synthetic texts answer the bench queries
    assert "| postgresql (backend, in-process) |" in report
    # Each query's median, the slowest first: what makes the p95.
    assert len(run.medians) == len(bench_search.QUERIES) and max(run.medians) > 0
    slowest = report.split("## Slowest queries")[1].splitlines()[4]
    assert f"| {max(run.medians):.1f} |" in slowest
