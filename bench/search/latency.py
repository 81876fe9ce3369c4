"""Search latency: the benchmark's queries, the ways to send them (HTTP, test client,
naive `icontains`), timed rounds and their percentiles."""

import math
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Q

from projects.models import Domain, Project, Technique


@dataclass(frozen=True)
class BenchQuery:
    """A query people type, with facet values named by slug where they are terms."""

    q: str
    filters: dict[str, list[str]] = field(default_factory=dict)


QUERIES = [
    BenchQuery("IRM"),
    BenchQuery("AVC"),
    BenchQuery("SNDS"),
    BenchQuery("cancer du sein"),
    BenchQuery("insuffisance cardiaque"),
    BenchQuery("apprentissage profond imagerie"),
    BenchQuery("rétinopathie diabétique fond d’œil"),
    BenchQuery("retinopathie diabetique"),
    BenchQuery("épilepsie EEG"),
    BenchQuery("sclérose en plaques"),
    BenchQuery("alzhiemer"),
    BenchQuery("mélanome dermatoscopie"),
    BenchQuery("prédiction de la mortalité en réanimation"),
    BenchQuery("segmentation tumeurs cérébrales"),
    BenchQuery("grands modèles de langage comptes rendus"),
    BenchQuery("pneumonie radiographie"),
    BenchQuery("fibrillation atriale ECG"),
    BenchQuery("sepsis", {"domain": ["infectiologie"]}),
    BenchQuery("IRM", {"technique": ["apprentissage-profond"]}),
    BenchQuery("AVC", {"status": ["active"]}),
    BenchQuery("parkinson", {"start_year": ["2020", "2021"]}),
    BenchQuery("dépistage", {"domain": ["oncologie"], "status": ["completed"]}),
]
TERM_FACETS = {"domain": Domain, "technique": Technique}


def query_params(query: BenchQuery) -> dict[str, list[str]]:
    """The API parameters of a query, taxonomy slugs turned into ids."""
    params: dict[str, list[str]] = {"q": [query.q]}
    for name, values in query.filters.items():
        model = TERM_FACETS.get(name)
        if model is None:
            params[name] = list(values)
            continue
        ids = model.objects.filter(slug__in=values).values_list("pk", flat=True)
        params[name] = [str(pk) for pk in ids]
    return params


@dataclass
class Sample:
    ms: float
    total: int
    engine: str
    took_ms: float = 0.0  # what the engine reports for itself


Fetch = Callable[[dict[str, list[str]]], Sample]


def http_fetch(base_url: str) -> Fetch:
    """A GET on the API of a running server, timed from request to last byte."""
    import requests

    session = requests.Session()

    def fetch(params: dict[str, list[str]]) -> Sample:
        started = time.perf_counter()
        response = session.get(f"{base_url}/api/v1/search/", params=params, timeout=120)
        elapsed = (time.perf_counter() - started) * 1000
        return _sample(elapsed, response.status_code, response.json())

    return fetch


def client_fetch(client) -> Fetch:
    """The same through Django's test client, in this process."""

    def fetch(params: dict[str, list[str]]) -> Sample:
        started = time.perf_counter()
        response = client.get("/api/v1/search/", params)
        elapsed = (time.perf_counter() - started) * 1000
        return _sample(elapsed, response.status_code, response.json())

    return fetch


def _sample(ms: float, status: int, body: dict) -> Sample:
    if status == 400:  # the floor measurement: a rejected request, no search
        return Sample(ms, 0, "none")
    if status != 200:
        raise RuntimeError(f"search API answered {status}: {body}")
    return Sample(ms, body["total"], body["engine"], body["took_ms"])


def naive_fetch(params: dict[str, list[str]]) -> Sample:
    """`icontains` on title or summary for each word: the page and its count."""
    started = time.perf_counter()
    rows = Project.objects.public()
    for word in [w for w in re.findall(r"\w+", params["q"][0]) if len(w) > 1]:
        rows = rows.filter(Q(title__icontains=word) | Q(summary__icontains=word))
    for name, model in TERM_FACETS.items():
        if params.get(name):
            ids = model.with_descendant_ids(params[name])
            rows = rows.filter(**{f"{name}s__in": ids})
    if params.get("status"):
        rows = rows.filter(status__in=params["status"])
    if params.get("start_year"):
        rows = rows.filter(start_date__year__in=params["start_year"])
    rows = rows.distinct()
    list(rows[:20])
    total = rows.count()
    elapsed = (time.perf_counter() - started) * 1000
    return Sample(elapsed, total, "naive", elapsed)


def measure(
    fetch: Fetch,
    queries: list[dict[str, list[str]]],
    *,
    rounds: int,
    budget_seconds: float = 600,
    expect_engine: str | None = None,
    before_round: Callable[[], None] | None = None,
) -> list[list[Sample]]:
    """One warm-up pass, then up to `rounds` passes over the queries (at least one,
    fewer if the budget runs out). Returns the samples of each query.
    `before_round` runs before each timed pass (the engine's caches emptied, so a
    repeated query is timed as a new one)."""
    for params in queries:
        fetch(params)
    samples: list[list[Sample]] = [[] for _ in queries]
    deadline = time.monotonic() + budget_seconds
    for _ in range(rounds):
        if before_round:
            before_round()
        for index, params in enumerate(queries):
            sample = fetch(params)
            if expect_engine and sample.engine != expect_engine:
                raise RuntimeError(
                    f"{expect_engine} expected, {sample.engine} answered {params}"
                )
            samples[index].append(sample)
        if time.monotonic() > deadline:
            break
    return samples


def measure_interleaved(
    fetch: Fetch,
    queries: list[dict[str, list[str]]],
    variants: list[dict[str, list[str]]],
    **options,
) -> list[list[list[Sample]]]:
    """`measure` of each query sent once per variant (extra parameters), in turn:
    two ways of calling the API timed under the same load. Returns the samples of
    each variant."""
    mixed = [{**params, **extra} for params in queries for extra in variants]
    samples = measure(fetch, mixed, **options)
    return [samples[index :: len(variants)] for index in range(len(variants))]


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile: a value that was measured, never an interpolation."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


@dataclass
class LatencySummary:
    engine: str
    p50: float
    p95: float
    took_p50: float  # the engine's own time, without Django and HTTP
    requests: int
    totals: list[int]  # the hit count of each query, to check engines agree roughly
    took_p95: float = 0.0
    # Our time beside the engine's (request time − `took`), per request, over `took`.
    overhead_p50: float = 0.0


def summarise(engine: str, samples: list[list[Sample]]) -> LatencySummary:
    values = [sample.ms for per_query in samples for sample in per_query]
    took = [sample.took_ms for per_query in samples for sample in per_query]
    overhead = [
        sample.ms - sample.took_ms for per_query in samples for sample in per_query
    ]
    return LatencySummary(
        engine=engine,
        p50=percentile(values, 0.5),
        p95=percentile(values, 0.95),
        took_p50=percentile(took, 0.5),
        took_p95=percentile(took, 0.95),
        overhead_p50=percentile(overhead, 0.5),
        requests=len(values),
        totals=[per_query[0].total if per_query else 0 for per_query in samples],
    )
