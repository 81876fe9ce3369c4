"""`python manage.py search_bench --projects N`: the search benchmark of `make bench`.

Seeds N synthetic published projects in a database of its own, rebuilds the indexes,
then measures the search API on Elasticsearch and on the database fallback, and a
naive `icontains` query, and writes the table to bench/results/search-<N>.md.
"""

import os
import platform
import time
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, connection, connections
from django.test import Client
from django.test.utils import override_settings
from django.utils import timezone

from bench import search as bench
from bench.results_file import RESULTS_DIR
from portal.core.progress import Progress
from search.client import es_available, es_client, es_reset
from search.documents import DOCUMENTS

SERVER_LOG = Path(settings.BASE_DIR) / ".services" / "search-bench-gunicorn.log"
ENGINE_ROW = "Elasticsearch (API)"
# The same queries asking for every facet's counts (the search page's request),
# timed in turn with the default one (no facets) on the same server.
FACETED_ROW = "Elasticsearch (API, facets=all)"
FACETS_ALL = {"facets": ["all"]}
PROJECTS_ROW = "Elasticsearch, projects only (API)"
FALLBACK_ROW = "database fallback (API)"
NAIVE_ROW = "naive icontains (in-process, no HTTP)"
FLOOR_ROW = "API floor (400 answer, no search)"
# The server measures search, not the throttle; persistent database connections as
# in production, so the fallback does not pay a connection per request.
SERVER_ENV = {
    "DEBUG": "false",
    "CONN_MAX_AGE": "60",
    "API_THROTTLE_ANON": "100000000/minute",
    "API_THROTTLE_USER": "100000000/minute",
}


class Command(BaseCommand):
    help = (
        "Benchmark search on N synthetic projects: bulk indexing docs/s and latency "
        "p50/p95 for Elasticsearch, the database fallback and a naive icontains."
    )

    def add_arguments(self, parser):
        parser.add_argument("--projects", type=int, default=10_000)
        parser.add_argument("--rounds", type=int, default=5)
        parser.add_argument(
            "--budget",
            type=float,
            default=240,
            help="seconds per engine after which no new round starts",
        )
        parser.add_argument("--seed", type=int, default=2024)
        parser.add_argument(
            "--reuse-index",
            action="store_true",
            help="keep the indexes when they hold every public row (latency only)",
        )
        parser.add_argument(
            "--in-process",
            action="store_true",
            help="call the API through Django's test client instead of gunicorn",
        )

    def handle(
        self, *args, projects, rounds, budget, seed, in_process, reuse_index, **options
    ):
        started = time.monotonic()
        load = os.getloadavg()[0]
        self._check_target()
        self._database_ready(projects)
        seed_progress = Progress(self.stdout, "seed")
        seeded = bench.bench_seed(
            projects=projects, seed=seed, progress=seed_progress.report
        )
        self.stdout.write(
            f"\n{projects} projets "
            + ("réutilisés" if seeded.reused else f"créés en {seeded.seconds:.1f} s")
        )
        if reuse_index and bench.indexes_current(types=list(DOCUMENTS)):
            self.stdout.write("Index réutilisés (pas de mesure d’indexation)")
            indexing = []
        else:
            indexing = bench.bench_index(
                types=list(DOCUMENTS),
                progress_for=lambda label: Progress(self.stdout, label).report,
            )
        self.stdout.write("")
        queries = [bench.query_params(query) for query in bench.QUERIES]
        measure = self._measure_in_process if in_process else self._measure_http
        summaries = measure(queries, rounds=rounds, budget=budget)
        naive = bench.measure(
            bench.naive_fetch, queries, rounds=rounds, budget_seconds=budget
        )
        # Before the floor, the last row.
        summaries.insert(len(summaries) - 1, bench.summarise(NAIVE_ROW, naive))
        table = bench.results_table(summaries, baseline=ENGINE_ROW)
        table += "\n\n" + bench.naive_ratios_line(summaries, NAIVE_ROW)
        lines = (
            bench.indexing_lines(indexing)
            if indexing
            else "Indexes reused from a previous run (`--reuse-index`): no indexing figures."
        )
        self.stdout.write(f"\n{table}\n\n{lines}\n")
        elapsed = time.monotonic() - started
        load = f"load average {load:.1f} at start, {os.getloadavg()[0]:.1f} at end"
        path = self._write(projects, table, lines, summaries, seeded, elapsed, load)
        self.stdout.write(
            f"Résultats : {path} (durée totale {time.monotonic() - started:.0f} s)"
        )

    # --- where it runs ---------------------------------------------------------------

    def _check_target(self) -> None:
        name = settings.DATABASES["default"]["NAME"]
        if connection.vendor != "postgresql" or not (
            "bench" in name or _holds_bench_data()
        ):
            raise CommandError(
                f"La base « {name} » n’est pas une base de mesure : lancez `make bench` "
                "(DATABASE_URL vers une base PostgreSQL dont le nom contient « bench »)."
            )
        if "bench" not in settings.SEARCH_INDEX_PREFIX:
            raise CommandError("SEARCH_INDEX_PREFIX doit contenir « bench ».")
        es_reset()
        if not es_available():
            raise CommandError(
                f"Elasticsearch ne répond pas à « {settings.ELASTICSEARCH_URL} » : "
                "lancez `scripts/services up`."
            )

    def _database_ready(self, projects: int) -> None:
        """Create the bench database if missing; recreate it when it holds another
        number of bench projects (a different N, or an interrupted run)."""
        database = settings.DATABASES["default"]
        if not _database_exists(database):
            _maintenance(database, f'CREATE DATABASE "{database["NAME"]}"')
        call_command("migrate", interactive=False, verbosity=0)
        from registry.models import Organisation

        stale = Organisation.objects.filter(slug__startswith=bench.SLUG_PREFIX)
        if bench.bench_projects_count() != projects and stale.exists():
            self.stdout.write(
                f"Base {database['NAME']} recréée pour {projects} projets"
            )
            connections.close_all()
            _maintenance(database, f'DROP DATABASE "{database["NAME"]}" WITH (FORCE)')
            _maintenance(database, f'CREATE DATABASE "{database["NAME"]}"')
            call_command("migrate", interactive=False, verbosity=0)

    # --- measurements -------------------------------------------------------------

    def _measure_http(self, queries, *, rounds, budget):
        summaries = []
        floor = [{"page": ["0"]}]
        project_queries = [{**params, "type": ["project"]} for params in queries]
        for row, url, engine, measured in (
            (ENGINE_ROW, settings.ELASTICSEARCH_URL, "elasticsearch", queries),
            (
                PROJECTS_ROW,
                settings.ELASTICSEARCH_URL,
                "elasticsearch",
                project_queries,
            ),
            (FALLBACK_ROW, "", "database", queries),
        ):
            environment = {**os.environ, **SERVER_ENV, "ELASTICSEARCH_URL": url}
            with bench.api_server(env=environment, log=SERVER_LOG) as base_url:
                fetch = bench.http_fetch(base_url)
                self.stdout.write(f"{row} : {len(measured)} requêtes × {rounds} tours")
                options = {
                    "rounds": rounds,
                    "budget_seconds": budget,
                    "expect_engine": engine,
                    "before_round": _request_cache_clear if url else None,
                }
                if row == ENGINE_ROW:
                    plain, faceted = bench.measure_interleaved(
                        fetch, measured, [{}, FACETS_ALL], **options
                    )
                    summaries.append(bench.summarise(row, plain))
                    summaries.append(bench.summarise(FACETED_ROW, faceted))
                else:
                    samples = bench.measure(fetch, measured, **options)
                    summaries.append(bench.summarise(row, samples))
                if row == ENGINE_ROW:
                    samples = bench.measure(fetch, floor * 20, rounds=rounds)
                    floor_summary = bench.summarise(FLOOR_ROW, samples)
        return [*summaries, floor_summary]

    def _measure_in_process(self, queries, *, rounds, budget):
        fetch = bench.client_fetch(Client())
        engine, faceted = bench.measure_interleaved(
            fetch,
            queries,
            [{}, FACETS_ALL],
            rounds=rounds,
            budget_seconds=budget,
            expect_engine="elasticsearch",
        )
        with override_settings(ELASTICSEARCH_URL=""):
            es_reset()
            fallback = bench.measure(
                fetch,
                queries,
                rounds=rounds,
                budget_seconds=budget,
                expect_engine="database",
            )
        es_reset()
        floor = bench.measure(fetch, [{"page": ["0"]}] * 20, rounds=rounds)
        return [
            bench.summarise(ENGINE_ROW.replace("API", "API in-process"), engine),
            bench.summarise(FACETED_ROW.replace("API", "API in-process"), faceted),
            bench.summarise(FALLBACK_ROW.replace("API", "API in-process"), fallback),
            bench.summarise(FLOOR_ROW, floor),
        ]

    # --- output ----------------------------------------------------------------------

    def _write(self, projects, table, lines, summaries, seeded, seconds, load) -> Path:
        RESULTS_DIR.mkdir(parents=True, exist_ok=True)
        path = RESULTS_DIR / f"search-{projects}.md"
        searched = [s for s in summaries if s.engine != FLOOR_ROW]
        seeding = (
            "reused from a previous run"
            if seeded.reused
            else f"{seeded.seconds:.1f} s with bulk_create"
        )
        path.write_text(
            f"# Search benchmark: {projects} projects\n\n"
            f"`BENCH_PROJECTS={projects} make bench`, {timezone.now():%Y-%m-%d %H:%M} "
            f"UTC, {os.cpu_count()} CPUs, {platform.python_implementation()} "
            f"{platform.python_version()}, PostgreSQL "
            f"{_postgres_version()}, "
            f"Elasticsearch {_es_version()}, all on one machine ({load}). "
            f"Seeding: {seeding}; whole run: {seconds:.0f} s.\n\n{table}\n\n{lines}\n\n"
            f"{len(bench.QUERIES)} queries (accents, acronyms, typos, with and without "
            "facet filters), one warm-up pass, then up to the given rounds; p50/p95 "
            "over all timed requests (nearest rank). The API rows are timed from a "
            "client to a one-worker gunicorn on 127.0.0.1, request to last byte; the "
            "naive row is timed in-process (page of 20 + count, no HTTP, no "
            "facets): compare it with the API floor added. Each Elasticsearch round "
            "starts with the request cache cleared (a repeated query is timed as new); "
            "`took` is the engine's own time, our overhead is the request time minus "
            "`took` (Django, serialization, HTTP). The API rows ask for no facet "
            "counts, as a client does by default, except the `facets=all` row (what "
            "the search page asks for), timed in turn with the first on the same "
            "server.\n\n"
            "## Hits per query\n\n"
            f"{bench.queries_table(bench.QUERIES, searched)}\n",
            encoding="utf-8",
        )
        return path


def _holds_bench_data() -> bool:
    """A database seeded by this benchmark before (its bench- organisations), under a
    name without "bench" (a copy made for one session)."""
    from registry.models import Organisation

    try:
        return Organisation.objects.filter(slug__startswith=bench.SLUG_PREFIX).exists()
    except DatabaseError:  # no such database, or not migrated
        return False


def _request_cache_clear() -> None:
    """Each timed round starts with the shards' request cache empty: a query repeated
    by the benchmark is timed as the first time, not answered from that cache."""
    es_client().indices.clear_cache(
        index=f"{settings.SEARCH_INDEX_PREFIX}-*", request=True
    )


def _database_exists(database: dict) -> bool:
    return bool(
        _maintenance(
            database,
            "SELECT 1 FROM pg_database WHERE datname = %s",
            [database["NAME"]],
        )
    )


def _maintenance(database: dict, sql: str, params=None) -> list:
    """Run one statement on the server's `postgres` database, outside transactions."""
    import psycopg

    with psycopg.connect(
        dbname="postgres",
        host=database["HOST"],
        port=database["PORT"] or 5432,
        user=database["USER"],
        password=database["PASSWORD"],
        autocommit=True,
    ) as maintenance:
        cursor = maintenance.execute(sql, params)
        return cursor.fetchall() if cursor.description else []


def _postgres_version() -> str:
    number = connection.cursor().connection.info.server_version  # 150018
    return f"{number // 10000}.{number % 10000}"


def _es_version() -> str:
    try:
        nodes = es_client().nodes.info(filter_path="nodes.*.version")
        return next(iter(nodes["nodes"].values()))["version"]
    except Exception:  # the version is a courtesy of the report
        return "8.19"
