"""`python manage.py search_compare --against DIR`: the search API of this checkout
beside another checkout's (the code before a change), under the same load.

On a shared machine the load moves more between two runs of `search_bench` than a
change to a query does: here two one-worker gunicorns (this code and DIR's, on the
same database and indexes) answer each query in turn, the first to ask alternating
by round, the request cache emptied before each request. Same environment as
`search_bench` (`make bench`'s BENCH_ENV); the indexes must be built already.
"""

import os
import time
from contextlib import ExitStack
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from bench import search as bench
from bench.management.commands.search_bench import (
    SERVER_ENV,
    SERVER_LOG,
    _request_cache_clear,
)
from search.client import es_available, es_reset

SETS = {
    "all types": {},
    "all types, facets=all": {"facets": ["all"]},
    "projects only": {"type": ["project"]},
}


class Command(BaseCommand):
    help = "Search API latency of this checkout beside another one's, interleaved."

    def add_arguments(self, parser):
        parser.add_argument("--against", type=Path, required=True)
        parser.add_argument("--rounds", type=int, default=5)

    def handle(self, *args, against, rounds, **options):
        if not (against / "portal" / "wsgi.py").exists():
            raise CommandError(f"« {against} » n’est pas une copie du portail.")
        es_reset()
        if not es_available():
            raise CommandError("Elasticsearch ne répond pas : `scripts/services up`.")
        queries = [bench.query_params(query) for query in bench.QUERIES]
        checkouts = {"before": against.resolve(), "after": Path(settings.BASE_DIR)}
        environment = {**os.environ, **SERVER_ENV}
        samples = {(name, set_name): [] for name in checkouts for set_name in SETS}
        loads = [os.getloadavg()[0]]
        with ExitStack() as stack:
            fetches = {
                name: bench.http_fetch(
                    stack.enter_context(
                        bench.api_server(env=environment, log=SERVER_LOG, cwd=cwd)
                    )
                )
                for name, cwd in checkouts.items()
            }
            for fetch in fetches.values():  # warm-up
                for extra in SETS.values():
                    for params in queries:
                        fetch({**params, **extra})
            for round_number in range(rounds):
                order = list(fetches)[:: 1 if round_number % 2 == 0 else -1]
                for set_name, extra in SETS.items():
                    for params in queries:
                        for name in order:
                            # Before each request: two checkouts may send the same
                            # body (facets=all), and the second would be answered
                            # from the cache the first filled.
                            _request_cache_clear()
                            sample = fetches[name]({**params, **extra})
                            if sample.engine != "elasticsearch":
                                raise CommandError(f"{name}: {sample.engine} answered")
                            samples[(name, set_name)].append(sample)
                loads.append(os.getloadavg()[0])
        self.stdout.write(
            f"{time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC, {rounds} rounds × "
            f"{len(queries)} queries per set, interleaved; load average "
            f"{min(loads):.1f}–{max(loads):.1f}; before = {against}\n"
        )
        summaries = [
            bench.summarise(f"{name}, {set_name}", [per_set])
            for (name, set_name), per_set in samples.items()
        ]
        self.stdout.write(bench.results_table(summaries, baseline=summaries[0].engine))
