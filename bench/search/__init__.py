"""The search benchmark behind `make bench`: synthetic published projects, bulk
indexing throughput, and search latency for Elasticsearch, the database fallback and
a naive `icontains` query.

Only the `search_bench` command and its test call this package, through the names
below: seeding.py makes the data (`bulk_create`, no signals, so nothing reaches the
outbox) in its own database, indexing.py and latency.py measure, server.py runs the
API under gunicorn, report.py writes the tables.
"""

from bench.search.indexing import IndexingResult, bench_index, indexes_current
from bench.search.latency import (
    QUERIES,
    TERM_FACETS,
    BenchQuery,
    Fetch,
    LatencySummary,
    Sample,
    client_fetch,
    http_fetch,
    measure,
    measure_interleaved,
    naive_fetch,
    percentile,
    query_params,
    summarise,
)
from bench.search.report import (
    indexing_lines,
    naive_ratios_line,
    queries_table,
    results_table,
)
from bench.search.seeding import (
    CHUNK,
    SLUG_PREFIX,
    Progress,
    Registry,
    SeedReport,
    bench_projects_count,
    bench_seed,
)
from bench.search.server import api_server, free_port

__all__ = [
    "CHUNK",
    "QUERIES",
    "SLUG_PREFIX",
    "TERM_FACETS",
    "BenchQuery",
    "Fetch",
    "IndexingResult",
    "LatencySummary",
    "Progress",
    "Registry",
    "Sample",
    "SeedReport",
    "api_server",
    "bench_index",
    "bench_projects_count",
    "bench_seed",
    "client_fetch",
    "free_port",
    "http_fetch",
    "indexes_current",
    "indexing_lines",
    "naive_ratios_line",
    "measure",
    "measure_interleaved",
    "naive_fetch",
    "percentile",
    "queries_table",
    "query_params",
    "results_table",
    "summarise",
]
