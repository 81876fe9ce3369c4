"""Bulk requests are bounded by bytes (issue 15): a rebuild or a drain of large
documents never sends Elasticsearch a request past its indexing pressure (429)."""

import random

import pytest

from search.bulk import action_lines, bulk_chunks
from search.client import es_client
from search.indexing import _index_action, index_rebuild, search_outbox_drain
from search.sources import SOURCES
from tests.factories import ProjectFactory


def _action(pk: int, size: int) -> dict:
    return {"_op_type": "index", "_index": "i", "_id": pk, "_source": {"t": "é" * size}}


def _bytes(lines: list[bytes]) -> int:
    return sum(len(line) + 1 for line in lines)


def test_chunks_stay_under_the_byte_bound_and_keep_every_action_in_order():
    rng = random.Random(15)
    actions = [_action(pk, rng.randint(0, 3000)) for pk in range(300)]
    chunks = list(bulk_chunks(actions, max_bytes=20_000, max_actions=1000))
    assert len(chunks) > 5
    assert all(_bytes(chunk) <= 20_000 for chunk in chunks)
    sent = [line for chunk in chunks for line in chunk]
    assert sent == [line for action in actions for line in action_lines(action)]
    # Each chunk but the last was closed because the next action did not fit.
    for chunk, following in zip(chunks, chunks[1:], strict=False):
        first_of_next = _bytes(following[:2])
        assert _bytes(chunk) + first_of_next > 20_000


def test_chunks_stay_under_the_action_bound():
    actions = [_action(pk, 1) for pk in range(25)]
    chunks = list(bulk_chunks(actions, max_bytes=10**9, max_actions=10))
    assert [len(chunk) // 2 for chunk in chunks] == [10, 10, 5]


def test_an_action_larger_than_the_bound_travels_alone():
    actions = [_action(1, 10), _action(2, 50_000), _action(3, 10)]
    chunks = list(bulk_chunks(actions, max_bytes=1_000, max_actions=100))
    assert [len(chunk) // 2 for chunk in chunks] == [1, 1, 1]


def test_deletes_have_no_source_line():
    lines = action_lines({"_op_type": "delete", "_index": "i", "_id": 3})
    assert lines == [b'{"delete":{"_id":3,"_index":"i"}}']


def _bulk_requests(index: str) -> int:
    stats = es_client().indices.stats(index=index, metric="bulk")
    return next(iter(stats["indices"].values()))["primaries"]["bulk"][
        "total_operations"
    ]


@pytest.mark.django_db
def test_rebuild_and_drain_send_several_bounded_requests(search_engine, settings):
    settings.SEARCH_BULK_MAX_BYTES = 6_000
    projects = [
        ProjectFactory(title=f"Projet {n}", summary="Imagerie cardiaque. " * 60)
        for n in range(8)
    ]
    name = index_rebuild(search_type="project")
    search_engine.indices.refresh(index=name)
    assert search_engine.count(index=name)["count"] == len(projects)
    documents = SOURCES["project"].documents_for([p.pk for p in projects])
    sizes = [_bytes(action_lines(_index_action(name, d))) for d in documents]
    assert max(sizes) < 6_000 < sum(sizes)
    # At least as many requests as the bytes need, each under the bound.
    needed = -(-sum(sizes) // 6_000)
    rebuild_requests = _bulk_requests(name)
    assert rebuild_requests >= max(needed, 3)

    for project in projects:
        project.summary = "Échographie pulmonaire. " * 60
        project.save()
    report = search_outbox_drain()
    assert report.indexed == len(projects) and report.failed == 0
    assert _bulk_requests(name) - rebuild_requests >= 3
    hits = search_engine.count(index=name, query={"match": {"summary": "échographie"}})
    assert hits["count"] == len(projects)
