"""The Markdown tables and lines the benchmark writes to bench/results/."""

from bench.search.indexing import IndexingResult
from bench.search.latency import BenchQuery, LatencySummary


def results_table(
    summaries: list[LatencySummary], baseline: str = "Elasticsearch (API)"
) -> str:
    reference = next((s.p50 for s in summaries if s.engine == baseline), None)
    lines = [
        "| engine | p50 ms | p95 ms | p50 ratio vs Elasticsearch "
        "| engine's own p50 / p95 ms (`took`) | our overhead p50 ms "
        "| overhead / `took` | requests |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for summary in summaries:
        ratio = f"×{summary.p50 / reference:.1f}" if reference else "–"
        engine = summary.took_p50 > 0
        took = f"{summary.took_p50:.0f} / {summary.took_p95:.0f}" if engine else "–"
        overhead = f"{summary.overhead_p50:.1f}" if engine else "–"
        share = f"×{summary.overhead_p50 / summary.took_p50:.2f}" if engine else "–"
        lines.append(
            f"| {summary.engine} | {summary.p50:.1f} | {summary.p95:.1f} "
            f"| {ratio} | {took} | {overhead} | {share} | {summary.requests} |"
        )
    return "\n".join(lines)


def naive_ratios_line(summaries: list[LatencySummary], naive: str) -> str:
    """How many times faster than the naive `icontains` each engine row is (p50)."""
    reference = next((s.p50 for s in summaries if s.engine == naive), None)
    ratios = [
        f"×{reference / s.p50:.1f} {s.engine}"
        for s in summaries
        if reference and s.took_p50 > 0 and s.engine != naive and s.p50
    ]
    return f"Naive `icontains` p50 over each row's p50: {'; '.join(ratios)}."


def indexing_lines(results: list[IndexingResult]) -> str:
    return "\n".join(
        f"Bulk indexing ({r.search_type}): {r.documents} documents in "
        f"{r.seconds:.1f} s → {r.per_second:.0f} docs/s"
        for r in results
    )


def queries_table(queries: list[BenchQuery], summaries: list[LatencySummary]) -> str:
    """Hits per query and engine: how selective each query is."""
    head = " | ".join(s.engine for s in summaries)
    lines = [f"| query | filters | {head} |", "|---|---|" + "---:|" * len(summaries)]
    for index, query in enumerate(queries):
        filters = ", ".join(f"{k}={'+'.join(v)}" for k, v in query.filters.items())
        counts = " | ".join(str(s.totals[index]) for s in summaries)
        lines.append(f"| {query.q} | {filters} | {counts} |")
    return "\n".join(lines)
