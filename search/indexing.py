"""Writing to Elasticsearch: the outbox drain, zero-downtime rebuilds, reconciliation.
The drain also keeps the database's search entries current (search/backends/).

Nothing here runs in the request path: changes only write outbox rows (see
search/signals.py); Celery tasks and the `search_index` command call these functions.
"""

import logging
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from elasticsearch import NotFoundError
from elasticsearch.helpers import BulkIndexError, scan

from portal.core.read_ahead import ReadAhead
from search.analyzers import analysis_settings
from search.backends import database_backend
from search.bulk import bulk_write
from search.client import es_client
from search.documents import DOCUMENTS
from search.models import SearchOutbox
from search.project_sets import cycle_collection_paused, facet_memo, project_facets_memo
from search.sources import SOURCES

logger = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


class IndexNotBuilt(Exception):
    """The alias of a type does not exist yet: `search_index rebuild` creates it."""


@dataclass
class DrainReport:
    indexed: int = 0
    deleted: int = 0
    failed: int = 0
    pending: int = 0  # still queued for types whose index exists


@dataclass
class ReconcileReport:
    missing: list[int] = field(default_factory=list)
    stale: list[int] = field(default_factory=list)
    extra: list[int] = field(default_factory=list)

    @property
    def differences(self) -> int:
        return len(self.missing) + len(self.stale) + len(self.extra)


# --- the outbox --------------------------------------------------------------------


def search_outbox_mark(*, items: Iterable[tuple[str, int]]) -> None:
    """Record documents to refresh; a pending row is re-dated, never duplicated."""
    now = timezone.now()
    rows = [
        SearchOutbox(search_type=search_type, object_id=pk, dirtied_at=now)
        for search_type, pk in set(items)
    ]
    if rows:
        SearchOutbox.objects.bulk_create(
            rows,
            update_conflicts=True,
            unique_fields=["search_type", "object_id"],
            update_fields=["dirtied_at"],
        )


def search_entries_refresh(*, items: Iterable[tuple[str, int]]) -> None:
    """Rewrite the database's search entries of these documents now (the database
    answers searches when Elasticsearch is not configured or not answering)."""
    by_type: dict[str, set[int]] = defaultdict(set)
    for search_type, pk in items:
        by_type[search_type].add(pk)
    backend = database_backend()
    for search_type, ids in by_type.items():
        source = SOURCES.get(search_type)
        if source is None:
            continue
        documents = source.documents_for(ids)
        found = {document["pk"] for document in documents}
        backend.refresh(search_type, documents, ids - found)


def search_outbox_drain(
    *, batch_size: int | None = None, max_batches: int = 100
) -> DrainReport:
    """Apply pending outbox rows to the index, oldest first, batch by batch.

    Raises the transport error when Elasticsearch is unreachable (the task retries);
    rows stay in the outbox until their document was written. Rows of types whose
    index does not exist yet are left for `search_index rebuild`.
    """
    client = es_client()
    report = DrainReport()
    batch_size = batch_size or settings.SEARCH_BATCH_SIZE
    # Rows of a type whose index was never built wait for `search_index rebuild`;
    # without Elasticsearch, only the database's entries are written.
    built = [
        t
        for t, document in DOCUMENTS.items()
        if client is None or client.indices.exists_alias(name=document.alias())
    ]
    pending = SearchOutbox.objects.filter(search_type__in=built).order_by("dirtied_at")
    for _ in range(max_batches):
        batch = list(pending[:batch_size])
        if not batch:
            break
        by_type: dict[str, list[SearchOutbox]] = defaultdict(list)
        for row in batch:
            by_type[row.search_type].append(row)
        for search_type, rows in by_type.items():
            _apply(client, search_type, rows, report)
    report.pending = pending.count()
    return report


def _apply(
    client, search_type: str, rows: list[SearchOutbox], report: DrainReport
) -> None:
    source = SOURCES.get(search_type)
    if source is None:  # a type that no longer exists
        SearchOutbox.objects.filter(pk__in=[row.pk for row in rows]).delete()
        return
    alias = DOCUMENTS[search_type].alias()
    ids = [row.object_id for row in rows]
    documents = {doc["pk"]: doc for doc in source.documents_for(ids)}
    # The database's own search entries first: they answer when the engine is away.
    database_backend().refresh(
        search_type, list(documents.values()), [pk for pk in ids if pk not in documents]
    )
    errors, failed_ids = [], set()
    if client is not None:
        actions = [_index_action(alias, document) for document in documents.values()]
        actions += [
            {"_op_type": "delete", "_index": alias, "_id": pk}
            for pk in ids
            if pk not in documents
        ]
        # Requests bounded by bytes, as in a rebuild (search/bulk.py).
        errors = bulk_write(client, actions, refresh="wait_for").errors
        failed_ids = {
            int(item[op]["_id"])
            for item in errors
            for op in item
            if not (op == "delete" and item[op].get("status") == 404)
        }
    done = [row for row in rows if row.object_id not in failed_ids]
    # Only rows not dirtied again since we read them: a newer change stays queued.
    condition = Q()
    for row in done:
        condition |= Q(pk=row.pk, dirtied_at=row.dirtied_at)
    if done:
        SearchOutbox.objects.filter(condition).delete()
    for row in rows:
        if row.object_id in failed_ids:
            row.attempts += 1
            row.last_error = str(errors)[:2000]
            row.save(update_fields=["attempts", "last_error"])
    report.indexed += sum(1 for pk in documents if pk not in failed_ids)
    report.deleted += sum(
        1 for pk in ids if pk not in documents and pk not in failed_ids
    )
    report.failed += len(failed_ids)


def _index_action(index: str, document: dict) -> dict:
    source = {**document, "uid": f"{document['type']}-{document['pk']}"}
    return {
        "_op_type": "index",
        "_index": index,
        "_id": document["pk"],
        "_source": source,
    }


# --- rebuild and reconcile ----------------------------------------------------------


def index_settings(*, filling: bool = False) -> dict:
    """An index's settings; while it is filled by a rebuild, without refreshes or
    replicas (restored by `_index_ready` before the alias moves onto it)."""
    values = {
        "number_of_shards": settings.SEARCH_SHARDS,
        "number_of_replicas": 0 if filling else settings.SEARCH_REPLICAS,
        "analysis": analysis_settings(),
        "max_result_window": 10000,
    }
    if filling:
        values["refresh_interval"] = "-1"
    return values


def index_rebuild(*, search_type: str, progress: Progress | None = None) -> str:
    """Fill a new versioned index from the database, then move the alias onto it.

    Searches keep reading the old index until the alias moves, in one atomic call
    that also deletes the old indexes. Returns the new index's name.
    """
    # The search timeout is too short for a rebuild's steps: the refresh of a
    # freshly filled index of 100,000 documents took over 5 s under load.
    client = es_client().options(request_timeout=settings.SEARCH_BULK_TIMEOUT_SECONDS)
    document = DOCUMENTS[search_type]
    alias = document.alias()
    started = timezone.now()
    name = f"{alias}-{started:%Y%m%d%H%M%S%f}"
    source = SOURCES[search_type]
    ids = list(source.public_ids())
    total = len(ids)
    # A few batches are filled without refreshes at no gain: serving settings from
    # the start spare a settings update, a cluster-wide step of a second under load.
    filling = total > settings.SEARCH_BATCH_SIZE
    mapping = document._doc_type.mapping.to_dict()

    def batches() -> Iterator[tuple[int, list[dict]]]:
        for chunk in _chunks(iter(ids), settings.SEARCH_BATCH_SIZE):
            with cycle_collection_paused():
                yield len(chunk), source.documents_for(chunk)

    def actions(built: Iterator[tuple[int, list[dict]]]) -> Iterator[dict]:
        done = 0
        for count, documents in built:
            yield from (_index_action(name, document) for document in documents)
            done += count
            if progress:
                progress(done, total)

    try:
        # The first batch is built while the engine creates the index, the next
        # one while this one is sent (ReadAhead); bulk_write sends a request while
        # the next chunk is serialized.
        with project_facets_memo(), ReadAhead(batches()) as built:
            # Project facets kept since the memo opened (an earlier type's pass)
            # are as old as that: later changes must stay queued.
            read_since = min(started, facet_memo().opened_at)
            client.indices.create(
                index=name, settings=index_settings(filling=filling), mappings=mapping
            )
            report = bulk_write(client, actions(built))
        if report.errors:
            raise BulkIndexError(
                f"{len(report.errors)} documents refused", report.errors[:20]
            )
        _index_ready(client, name, filled=filling)
    except BaseException:
        # A half-filled index never serves: the alias stays on the old one.
        client.indices.delete(index=name, ignore_unavailable=True)
        raise
    _alias_move(client, alias, name)
    # The new index read every row after `read_since`: older outbox entries are
    # applied.
    SearchOutbox.objects.filter(
        search_type=search_type, dirtied_at__lte=read_since
    ).delete()
    if progress and total == 0:
        progress(0, 0)
    return name


def _alias_indexes(client, alias: str) -> list[str]:
    """The indexes behind an alias (none when it does not exist yet)."""
    try:
        return list(client.indices.get_alias(name=alias).keys())
    except NotFoundError:
        return []


def _alias_move(client, alias: str, name: str) -> None:
    """Point the alias at the new index and delete the old ones, in one atomic
    call: one cluster-state update where a move and a delete took two (0.1–0.3 s
    each under load, most of a small type's rebuild), and no old index is left
    behind if the process stops in between."""
    old = _alias_indexes(client, alias)
    actions = [{"add": {"index": name, "alias": alias}}]
    actions += [{"remove_index": {"index": index}} for index in old]
    try:
        client.indices.update_aliases(actions=actions)
    except NotFoundError:
        # An old index deleted meanwhile (another rebuild): the alias leaves
        # whichever of this type's indexes still hold it, then those are deleted.
        remove = {"index": f"{alias}-*", "alias": alias, "must_exist": False}
        add = {"index": name, "alias": alias}
        client.indices.update_aliases(actions=[{"remove": remove}, {"add": add}])
        client.indices.delete(index=",".join(old), ignore_unavailable=True)


def _index_ready(client, name: str, *, filled: bool = True) -> None:
    """Back to serving settings (refresh interval, replicas), one refresh and, for
    an index filled by several bulk requests, a merge into one segment: the index
    is read far more than written, and at 100,000 projects a query's `took` fell
    from p50 9–11 ms on the dozen segments of a bulk fill to 6–7 ms on one, for a
    merge of ~2 s (issue 15).

    A small index (one batch, serving settings from the start) is not merged: it
    has one segment, or two when the engine's periodic refresh fell during its
    one request, which its searches do not notice; its merge (a flush, the merge,
    a refresh, queued behind any other index's merge on the node) cost 0.1–0.5 s
    of a 0.6 s rebuild, and seconds when queued. A filled index already in one
    segment per shard is not merged either."""
    if not filled:
        client.indices.refresh(index=name)
        return
    client.indices.put_settings(
        index=name,
        settings={
            "index": {
                "refresh_interval": None,
                "number_of_replicas": settings.SEARCH_REPLICAS,
            }
        },
    )
    client.indices.refresh(index=name)
    if _most_segments_per_shard(client, name) > 1:
        client.indices.forcemerge(index=name, max_num_segments=1)
        client.indices.refresh(index=name)


def _most_segments_per_shard(client, name: str) -> int:
    stats = client.indices.stats(
        index=name,
        metric="segments",
        level="shards",
        filter_path=["indices.*.shards.*.segments.count"],
    )
    shards = stats.get("indices", {}).get(name, {}).get("shards", {})
    counts = [
        copy["segments"]["count"] for copies in shards.values() for copy in copies
    ]
    return max(counts, default=0)


def index_reconcile(*, search_type: str, fix: bool = True) -> ReconcileReport:
    """Compare the public rows with the index and, if `fix`, queue every difference."""
    client = es_client()
    document = DOCUMENTS[search_type]
    source = SOURCES[search_type]
    expected = {
        pk: updated.isoformat()
        for pk, updated in source.model._default_manager.filter(
            pk__in=source.queryset().values("pk")
        ).values_list("pk", "updated_at")
    }
    indexed = {}
    try:
        for hit in scan(
            client,
            index=document.alias(),
            _source=["pk", "updated_at"],
            query={"query": {"match_all": {}}},
        ):
            indexed[int(hit["_id"])] = hit["_source"].get("updated_at")
    except NotFoundError as error:
        raise IndexNotBuilt(document.alias()) from error
    report = ReconcileReport(
        missing=sorted(set(expected) - set(indexed)),
        stale=sorted(
            pk
            for pk in set(expected) & set(indexed)
            if not _same_instant(expected[pk], indexed[pk])
        ),
        extra=sorted(set(indexed) - set(expected)),
    )
    if fix and report.differences:
        search_outbox_mark(
            items=[
                (search_type, pk) for pk in report.missing + report.stale + report.extra
            ]
        )
        search_outbox_drain()
    return report


def _same_instant(database: str, indexed: str | None) -> bool:
    if indexed is None:
        return False
    return datetime.fromisoformat(database) == datetime.fromisoformat(indexed)


def _chunks(rows: Iterator, size: int) -> Iterator[list]:
    chunk = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
