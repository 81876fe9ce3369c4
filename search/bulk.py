"""Bulk writes to Elasticsearch in requests bounded by bytes as well as by count.

A node refuses a request larger than its indexing pressure allows (`429
es_rejected_execution_exception`, about 10% of its heap): a count alone does not
bound a request whose documents can be large, so each request holds at most
SEARCH_BULK_MAX_BYTES of serialized actions. Requests are sent by a small thread
pool, so the database reads of the next chunk overlap the engine's indexing.
Actions are serialized once, by orjson (a tenth of the standard library's time:
a rebuild serializes some 200 MB), and the answers carry only what we read.
"""

import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from django.conf import settings
from elasticsearch import ApiError
from elasticsearch.helpers import expand_action
from elasticsearch.serializer import OrjsonSerializer

# A refused request (engine busy) is sent again after these pauses, then reported.
RETRY_PAUSES = (1.0, 3.0)
_SERIALIZER = OrjsonSerializer()
# What we read of a bulk answer: not the index, version and shards of every item.
ANSWER_FIELDS = ["items.*._id", "items.*.status", "items.*.error"]


@dataclass
class BulkReport:
    requests: int = 0
    actions: int = 0
    errors: list[dict] = field(default_factory=list)


def action_lines(action: dict) -> list[bytes]:
    """The NDJSON lines of one action (elasticsearch.helpers' own expansion)."""
    header, body = expand_action(action)
    lines = [_SERIALIZER.dumps(header)]
    if body is not None:
        lines.append(_SERIALIZER.dumps(body))
    return lines


def bulk_chunks(
    actions: Iterable[dict], *, max_bytes: int, max_actions: int
) -> Iterator[list[bytes]]:
    """The serialized lines of the actions, grouped into requests of at most
    `max_bytes` (newlines counted) and `max_actions`. An action larger than the
    bound on its own travels alone: the engine, not we, decides to refuse it."""
    chunk: list[bytes] = []
    size = count = 0
    for action in actions:
        lines = action_lines(action)
        action_size = sum(len(line) + 1 for line in lines)
        if chunk and (size + action_size > max_bytes or count == max_actions):
            yield chunk
            chunk, size, count = [], 0, 0
        chunk.extend(lines)
        size += action_size
        count += 1
    if chunk:
        yield chunk


def bulk_write(
    client,
    actions: Iterable[dict],
    *,
    refresh: str | None = None,
    threads: int | None = None,
) -> BulkReport:
    """Send the actions in byte-bounded requests; returns the failed items (a delete
    of a missing document is one, with status 404, as in elasticsearch.helpers)."""
    report = BulkReport()
    chunks = bulk_chunks(
        actions,
        max_bytes=settings.SEARCH_BULK_MAX_BYTES,
        max_actions=settings.SEARCH_BULK_MAX_ACTIONS,
    )
    threads = threads or settings.SEARCH_BULK_THREADS

    def send(lines: list[bytes]) -> list[dict]:
        return _send(client, lines, refresh=refresh)

    with ThreadPoolExecutor(max_workers=threads) as pool:
        pending = []
        for chunk in chunks:
            # At most `threads` requests in flight: chunks are not read ahead
            # further, so memory stays bounded by threads × max bytes.
            if len(pending) >= threads:
                _collect(pending.pop(0), report)
            pending.append(pool.submit(send, chunk))
        for future in pending:
            _collect(future, report)
    return report


def _collect(future, report: BulkReport) -> None:
    items = future.result()
    report.requests += 1
    report.actions += len(items)
    report.errors += [
        item for item in items if 400 <= next(iter(item.values()))["status"]
    ]


def _send(client, lines: list[bytes], *, refresh: str | None) -> list[dict]:
    options = {"refresh": refresh} if refresh else {}
    # A request of several MB may take longer than a search is allowed to.
    client = client.options(request_timeout=settings.SEARCH_BULK_TIMEOUT_SECONDS)
    for pause in (*RETRY_PAUSES, None):
        try:
            answer = client.bulk(operations=lines, filter_path=ANSWER_FIELDS, **options)
            return answer.get("items", [])
        except ApiError as error:
            if error.meta.status != 429 or pause is None:
                raise
            time.sleep(pause)
    return []  # unreachable: the last attempt returns or raises
