"""The database search engines in `make bench` (issue 13): PostgreSQL on its stored,
GIN-indexed vector and SQLite on its FTS5 table, timed in-process through the backend
interface (search/backends/) over the synthetic projects and queries of the search
benchmark (bench/search.py).

What is timed is `backend.search(request)`: matching, ranking, facets, page and
hits, as the search page and the API get them, without HTTP.
"""

import statistics
import time
from dataclasses import dataclass

from django.db import connection

from bench import search as bench_search
from search.backends.database import DatabaseBackend
from search.contract import FACET_NAMES, SearchRequest


@dataclass
class EntriesBuild:
    documents: int
    seconds: float

    @property
    def per_second(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0


def entries_build(backend: DatabaseBackend) -> EntriesBuild:
    """Every public document into the engine's entries, timed."""
    started = time.monotonic()
    documents = backend.rebuild()
    return EntriesBuild(documents, time.monotonic() - started)


def backend_fetch(backend: DatabaseBackend) -> bench_search.Fetch:
    """A search through the backend itself, as bench_search.measure() wants it."""

    def fetch(params: dict[str, list[str]]) -> bench_search.Sample:
        request = SearchRequest(
            query=params["q"][0],
            filters={name: values for name, values in params.items() if name != "q"},
            facets=frozenset(FACET_NAMES),  # timed as the search page asks
        )
        started = time.perf_counter()
        response = backend.search(request)
        elapsed = (time.perf_counter() - started) * 1000
        return bench_search.Sample(elapsed, response.total, backend.name, elapsed)

    return fetch


@dataclass
class EnginesRun:
    summary: bench_search.LatencySummary
    # The median of each query's requests, in the order of bench_search.QUERIES:
    # a p95 over 22 queries × 5 rounds is the 6th slowest request, so the one or
    # two slowest queries make it.
    medians: list[float]


def engines_run(backend: DatabaseBackend, *, rounds: int, budget: float) -> EnginesRun:
    if connection.vendor == "postgresql":
        # A database just seeded, built or copied has no planner statistics yet
        # (autovacuum gets there later): the planner would guess from empty ones.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    queries = [bench_search.query_params(query) for query in bench_search.QUERIES]
    samples = bench_search.measure(
        backend_fetch(backend), queries, rounds=rounds, budget_seconds=budget
    )
    return EnginesRun(
        summary=bench_search.summarise(
            f"{backend.name} (backend, in-process)", samples
        ),
        medians=[
            statistics.median(sample.ms for sample in per_query) if per_query else 0.0
            for per_query in samples
        ],
    )


def engines_report(
    *,
    projects: int,
    build: EntriesBuild,
    summary: bench_search.LatencySummary,
    medians: list[float] | None = None,
) -> str:
    built = (
        f"Entries built: {build.documents} documents in {build.seconds:.1f} s "
        f"({build.per_second:.0f} docs/s)."
        if build.seconds
        else f"Entries of a previous run reused: {build.documents} documents."
    )
    return (
        f"# Database search engine: {summary.engine}, {projects} projects\n\n"
        f"{built}\n\n"
        "| engine | p50 ms | p95 ms | requests |\n|---|---|---|---|\n"
        f"| {summary.engine} | {summary.p50:.1f} | {summary.p95:.1f} "
        f"| {summary.requests} |\n\n"
        "## Hits per query\n\n"
        f"{bench_search.queries_table(bench_search.QUERIES, [summary])}\n"
        + (_medians_table(summary, medians) if medians else "")
    )


def _medians_table(summary: bench_search.LatencySummary, medians: list[float]) -> str:
    rows = sorted(
        zip(medians, bench_search.QUERIES, summary.totals, strict=True),
        key=lambda row: -row[0],
    )
    lines = [
        "\n## Slowest queries (median ms of their requests)\n",
        "| query | filters | hits | median ms |",
        "|---|---|---:|---:|",
    ]
    for median, query, total in rows[:8]:
        filters = ", ".join(f"{k}={'+'.join(v)}" for k, v in query.filters.items())
        lines.append(f"| {query.q} | {filters} | {total} | {median:.1f} |")
    return "\n".join(lines) + "\n"
