"""Where a rebuild's time goes (issue 15): each type's index rebuilt as by
`search_index rebuild` (one reading of the projects' facets for all types), with
the CPU seconds of this process (document building, serialization), of
Elasticsearch (the node's whole process: other clients' searches count too) and
the time the main thread waited for the engine's answers, and the time of the
index-level steps (creating the index, settings, refresh, the segment count and
the merge into one segment, alias, deleting the old one: fixed costs, whatever the
number of documents) with the docs/s of the rest.

    $(BENCH_ENV) .venv/bin/python manage.py shell < bench/indexing_split.py

(TYPES=project,team… to choose.) The database's CPU is not counted: the documents
are read on the read-ahead thread's own connection.
"""

import os
import resource
import time

from elasticsearch.client import IndicesClient

import search.bulk as bulk
from bench.search.indexing import bench_index
from search.client import es_client
from search.project_sets import project_facets_memo

waited = [0.0]
_collect = bulk._collect


def _collect_timed(future, report):
    started = time.monotonic()
    try:
        return _collect(future, report)
    finally:
        waited[0] += time.monotonic() - started


def es_cpu() -> float:
    stats = es_client().nodes.stats(metric="process")["nodes"]
    return next(iter(stats.values()))["process"]["cpu"]["total_in_millis"] / 1000


def own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


bulk._collect = _collect_timed
fixed = [0.0]


def _timed_step(method):
    def timed(*args, **kwargs):
        started = time.monotonic()
        try:
            return method(*args, **kwargs)
        finally:
            fixed[0] += time.monotonic() - started

    return timed


INDEX_STEPS = (
    "create",
    "put_settings",
    "refresh",
    "stats",  # the segment count that decides whether to merge
    "forcemerge",
    "get_alias",
    "update_aliases",
    "delete",
)
for step in INDEX_STEPS:
    setattr(IndicesClient, step, _timed_step(getattr(IndicesClient, step)))
types = os.environ.get("TYPES", "project,team,person,dataset,organisation")
print(f"load average at start {os.getloadavg()[0]:.1f}")
with project_facets_memo():
    for search_type in types.split(","):
        es_before, own_before, waited[0], fixed[0] = es_cpu(), own_cpu(), 0.0, 0.0
        (result,) = bench_index(types=[search_type])
        es_used, own_used = es_cpu() - es_before, own_cpu() - own_before
        count = max(result.documents, 1)
        print(
            f"{search_type}: {result.documents} documents in {result.seconds:.1f} s "
            f"→ {result.per_second:.0f} docs/s; Python CPU {own_used:.1f} s "
            f"({1000 * own_used / count:.2f} ms/doc), Elasticsearch CPU "
            f"{es_used:.1f} s ({1000 * es_used / count:.2f} ms/doc), waiting for "
            f"the engine {waited[0]:.1f} s, load {os.getloadavg()[0]:.1f}, peak "
            f"memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB; "
            f"index steps {fixed[0]:.2f} s, the rest {result.seconds - fixed[0]:.2f} s "
            f"→ {result.documents / max(result.seconds - fixed[0], 1e-3):.0f} docs/s",
            flush=True,
        )
