"""The parts of `make bench` on a tiny data set: the generator, the timed fetches,
the summary and the table. The benchmark itself runs them at scale."""

import uuid

import pytest

from bench import search as bench
from projects.models import Project, ProjectDataset, ProjectPartner
from search.backends import database_backend
from search.client import es_client, es_reset

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded():
    return bench.bench_seed(projects=30)


@pytest.fixture
def fallback_only(settings, monkeypatch):
    """The database fallback, unthrottled: the bench measures search, not limits."""
    from search.api.views import SearchView

    monkeypatch.setattr(SearchView, "throttle_classes", [])
    settings.ELASTICSEARCH_URL = ""
    es_reset()
    database_backend().rebuild()  # bulk_create sent no signals
    yield
    es_reset()


def test_seed_makes_published_projects_with_facet_data(seeded):
    projects = Project.objects.public().filter(slug__startswith=bench.SLUG_PREFIX)

    assert not seeded.reused
    assert projects.count() == 30
    assert all(p.domains.exists() and p.techniques.exists() for p in projects)
    assert ProjectPartner.objects.filter(project__in=projects).exists()
    assert ProjectDataset.objects.filter(project__in=projects).exists()
    assert bench.bench_seed(projects=30).reused


def test_fallback_and_naive_give_a_table(seeded, client, fallback_only):
    queries = [bench.query_params(query) for query in bench.QUERIES]

    fallback = bench.measure(
        bench.client_fetch(client), queries, rounds=1, expect_engine="database"
    )
    naive = bench.measure(bench.naive_fetch, queries, rounds=1)
    summaries = [
        bench.summarise("database fallback", fallback),
        bench.summarise("naive", naive),
    ]

    assert [s.requests for s in summaries] == [len(queries), len(queries)]
    assert all(0 < s.p50 <= s.p95 for s in summaries)
    assert any(summaries[0].totals) and any(summaries[1].totals)
    table = bench.results_table(summaries, baseline="database fallback")
    assert "| database fallback |" in table and "×1.0" in table
    assert "| insuffisance cardiaque |" in bench.queries_table(bench.QUERIES, summaries)


def test_facet_slugs_become_ids(seeded):
    params = bench.query_params(bench.BenchQuery("sepsis", {"domain": ["sepsis"]}))

    assert params["q"] == ["sepsis"]
    assert params["domain"] and params["domain"][0].isdigit()


def test_percentile_is_a_measured_value():
    assert bench.percentile([5.0, 1.0, 3.0, 2.0, 4.0], 0.5) == 3.0
    assert bench.percentile([float(n) for n in range(1, 101)], 0.95) == 95.0


def test_interleaved_variants_are_sent_in_turn_and_split_back():
    sent = []

    def fetch(params):
        sent.append(params)
        return bench.Sample(1.0 + len(params), 3, "elasticsearch", 1.0)

    plain, faceted = bench.measure_interleaved(
        fetch, [{"q": ["a"]}, {"q": ["b"]}], [{}, {"facets": ["all"]}], rounds=2
    )

    assert sent[:4] == [
        {"q": ["a"]},
        {"q": ["a"], "facets": ["all"]},
        {"q": ["b"]},
        {"q": ["b"], "facets": ["all"]},
    ]
    assert [len(samples) for samples in plain + faceted] == [2, 2, 2, 2]
    assert {s.ms for samples in plain for s in samples} == {2.0}
    assert {s.ms for samples in faceted for s in samples} == {3.0}


def test_the_naive_ratio_of_each_engine_row():
    def summary(engine, p50, took):
        return bench.LatencySummary(engine, p50, p50, took, 1, [1])

    line = bench.naive_ratios_line(
        [
            summary("ES", 10.0, 5),
            summary("ES, facets", 20.0, 9),
            summary("naive", 200.0, 200),
        ],
        "naive",
    )

    assert "×20.0 ES;" in line and "×10.0 ES, facets." in line


def test_indexing_reports_throughput(seeded, settings):
    if not settings.ELASTICSEARCH_URL:
        pytest.skip("ELASTICSEARCH_URL is unset: no engine to index into")
    settings.SEARCH_INDEX_PREFIX = f"test-bench-{uuid.uuid4().hex[:8]}"
    es_reset()
    try:
        assert not bench.indexes_current(types=["project"])
        (result,) = bench.bench_index(types=["project"])
        # `search_bench --reuse-index` may now skip the rebuild.
        assert bench.indexes_current(types=["project"])
    finally:
        es_client().indices.delete(
            index=f"{settings.SEARCH_INDEX_PREFIX}-*",
            ignore_unavailable=True,
            allow_no_indices=True,
        )
        es_reset()

    assert result.documents == Project.objects.public().count() >= 30
    assert result.per_second > 0
    assert "docs/s" in bench.indexing_lines([result])
