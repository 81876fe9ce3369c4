"""Bulk indexing throughput: each type's index rebuilt and timed."""

import time
from collections.abc import Callable
from dataclasses import dataclass

from bench.search.seeding import Progress
from search.client import es_client
from search.documents import DOCUMENTS
from search.indexing import index_rebuild
from search.project_sets import project_facets_memo
from search.sources import SOURCES


@dataclass
class IndexingResult:
    search_type: str
    documents: int
    seconds: float

    @property
    def per_second(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0


def bench_index(
    *, types: list[str], progress_for: Callable[[str], Progress] | None = None
) -> list[IndexingResult]:
    """Rebuild each type's index with `index_rebuild`, timing the whole of it."""
    results = []
    # One reading of the projects' facets serves teams, people and datasets, as in
    # `search_index rebuild` (timed with the first type that needs it).
    with project_facets_memo():
        for search_type in types:
            results.append(_rebuild_timed(search_type, progress_for))
    return results


def _rebuild_timed(
    search_type: str, progress_for: Callable[[str], Progress] | None
) -> IndexingResult:
    documents = SOURCES[search_type].public_rows().count()
    started = time.monotonic()
    index_rebuild(
        search_type=search_type,
        progress=progress_for(search_type) if progress_for else None,
    )
    return IndexingResult(search_type, documents, time.monotonic() - started)


def indexes_current(*, types: list[str]) -> bool:
    """Whether each type's index already holds one document per public row: a run
    that measures latency only (`search_bench --reuse-index`) may skip the rebuild."""
    client = es_client()
    for search_type in types:
        alias = DOCUMENTS[search_type].alias()
        if not client.indices.exists_alias(name=alias):
            return False
        indexed = client.count(index=alias)["count"]
        if indexed != SOURCES[search_type].public_rows().count():
            return False
    return True
