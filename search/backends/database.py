"""What the PostgreSQL and SQLite engines share: the stored entries, facets, paging
and hits. Each engine only says which entries match a query, and how well
(`match`), and which names start with a prefix (`prefix_match`).

Facets cover projects, counted in one statement on PostgreSQL
(search/backends/project_facets.py); other types are left out when a project facet
is selected, since only the index holds their derived facets.
"""

import time
from abc import abstractmethod
from collections import defaultdict
from collections.abc import Iterable

from django.db import connection, transaction
from django.db.models.expressions import RawSQL

from projects.selectors import project_similar_by_taxonomy
from search.backends.analysis import Concept, concepts, fold, split_identifiers, words
from search.backends.base import SearchBackend
from search.backends.project_facets import project_facet_counts
from search.contract import FACETS, TYPES, SearchHit, SearchRequest, SearchResponse
from search.facets import facet_values, facets_labelled
from search.models import SearchEntry
from search.project_sets import project_facets_memo
from search.sources import (
    SOURCES,
    entry_snippet,
    entry_texts,
    highlight,
)

Key = tuple[str, int]  # (search type, object id)
# A query asking for fewer hits than this runs the typo pass too.
FEW_HITS = 3
# Shorter words are not corrected: "mamo" is not "mammo" (as on the engine).
TYPO_MIN_LENGTH = 5


class DatabaseBackend(SearchBackend):
    """A search engine answering from the database's own full-text search."""

    @abstractmethod
    def text_match(
        self, query: str, concepts: list[Concept], types: list[str]
    ) -> dict[Key, float]:
        """Entries matching most of the concepts (required_matches), with a score;
        the query as typed ranks its exact phrase first."""

    def text_match_unranked(
        self,
        query: str,
        concepts: list[Concept],
        types: list[str],
        *,
        filtered: bool = False,
    ) -> dict[Key, float]:
        """As `text_match`, for a search that shows a page of the hits it keeps: an
        engine whose ranking is costly scores here by matched concepts only, in
        whole numbers, and ranks in `rank` only the hits that can reach the page
        (`filtered`: selected facets keep some of the hits only)."""
        return self.text_match(query, concepts, types)

    def rank(
        self, keys: list[Key], scores: dict[Key, float], *, best: int | None = None
    ) -> dict[Key, float]:
        """The scores of these hits, ranked finely if `text_match_unranked` left
        them coarse: all of them, or those that can be among the `best` first."""
        return scores

    @abstractmethod
    def correction(self, token: str) -> Concept | None:
        """The indexed word closest to a misspelt one, or None if it is known."""

    @abstractmethod
    def prefix_match(self, prefix: str, size: int) -> list[Key]:
        """Entries whose title or acronym has the prefix's words, the last one
        started, best first."""

    def match(
        self,
        query: str,
        types: list[str],
        *,
        ranked: bool = True,
        filtered: bool = False,
    ) -> dict[Key, float]:
        """Entries matching the query's concepts; when few do, the query again with
        its unknown longer words corrected, those hits ranked after. Not `ranked`:
        coarse scores, for `rank` to refine on the hits kept."""
        asked = concepts(query)
        if not asked:
            return {}
        if not ranked:
            found = self.text_match_unranked(query, asked, types, filtered=filtered)
            # Few hits: the typo pass below, ranked at once (it costs little).
            return found if len(found) >= FEW_HITS else self.match(query, types)
        found = self.text_match(query, asked, types)
        if len(found) >= FEW_HITS:
            return found
        corrected = [_corrected(concept, self.correction) for concept in asked]
        if corrected != asked:
            for key, score in self.text_match(query, corrected, types).items():
                found.setdefault(key, score / 2)
        return found

    def write_text(
        self, entries: list[SearchEntry], removed: list[SearchEntry]
    ) -> None:
        """Keep the engine's own text structures current (SQLite's FTS table)."""

    # --- search ----------------------------------------------------------------

    def search(self, request: SearchRequest) -> SearchResponse:
        started = time.monotonic()
        types = request.types or list(TYPES)
        active = {name: values for name, values in request.filters.items() if values}
        if words(request.query):
            # Ranked below (`rank`): only the kept hits that can reach the page.
            scores = self.match(
                request.query, list(TYPES), ranked=False, filtered=bool(active)
            )
            matched: dict[str, set[int]] = defaultdict(set)
            for search_type, pk in scores:
                matched[search_type].add(pk)
        else:
            scores = {}
            matched = defaultdict(set)
            for search_type, pk in SearchEntry.objects.values_list(
                "search_type", "object_id"
            ):
                matched[search_type].add(pk)

        project_ids = matched["project"]
        asked = [name for name in FACETS if name in request.facets]
        # The counts also say which projects pass the selected facets; with neither
        # asked, nothing to count (issue 15: facets only where asked).
        counts, project_hits = (
            project_facet_counts(project_ids, active)
            if project_ids and (active or asked)
            else ({}, project_ids)
        )
        facets = (
            facets_labelled(
                {name: [c for c in counts.get(name, []) if c[1]] for name in asked},
                active,
            )
            if asked
            else {}
        )
        # Other types have no project facets here: a selected facet leaves them out.
        hit_ids = {t: set() if active else matched[t] for t in TYPES}
        hit_ids["project"] = project_hits
        counts_by_type = {t: len(ids) for t, ids in hit_ids.items()}
        if "type" in request.facets:
            facets["type"] = facet_values(
                "type",
                [(t, n) for t, n in counts_by_type.items() if n],
                types if request.types else [],
            )
        keys = [(t, pk) for t in types for pk in hit_ids[t]]
        if request.sort == "relevance":  # other orders need no score
            scores = self.rank(keys, scores, best=request.offset + request.page_size)
        return SearchResponse(
            hits=_hits(_page(keys, scores, request), scores, request.query),
            total=len(keys),
            facets=facets,
            took_ms=int((time.monotonic() - started) * 1000),
            engine="database",
        )

    def suggest(self, prefix: str, *, size: int = 8) -> list[SearchHit]:
        return _hits(self.prefix_match(prefix, size), {}, "")

    def similar(self, project, *, size: int = 4) -> list[SearchHit]:
        return [
            SearchHit(
                type="project",
                pk=p.pk,
                url=p.get_absolute_url(),
                label=str(p),
                snippet="",
            )
            for p in project_similar_by_taxonomy(project=project, size=size)
        ]

    # --- keeping the entries current ---------------------------------------------

    def refresh(
        self, search_type: str, documents: list[dict], removed: Iterable[int]
    ) -> None:
        entries = [_entry(document) for document in documents]
        with transaction.atomic():
            gone = list(
                SearchEntry.objects.filter(
                    search_type=search_type, object_id__in=list(removed)
                )
            )
            SearchEntry.objects.filter(pk__in=[e.pk for e in gone]).delete()
            SearchEntry.objects.bulk_create(
                entries,
                update_conflicts=True,
                unique_fields=["search_type", "object_id"],
                update_fields=[
                    f.name
                    for f in SearchEntry._meta.concrete_fields
                    if f.name not in ("id", "search_type", "object_id")
                ],
            )
            # bulk_create does not return the ids of updated rows on every database.
            stored = list(
                SearchEntry.objects.filter(
                    search_type=search_type,
                    object_id__in=[e.object_id for e in entries],
                )
            )
            self.write_text(stored, gone)

    def rebuild(self, *, batch_size: int = 500) -> int:
        """Every public document of every type, afresh; returns how many."""
        self.clear_text()  # first: the entries' deletion has nothing more to delete
        SearchEntry.objects.all().delete()
        done = 0
        with project_facets_memo():  # one reading for teams, people and datasets
            for search_type, source in SOURCES.items():
                ids = list(source.public_ids())
                for first in range(0, len(ids), batch_size):
                    chunk = ids[first : first + batch_size]
                    self.refresh(search_type, source.documents_for(chunk), [])
                    done += len(chunk)
        self.tidy_after_rebuild()
        return done

    def clear_text(self) -> None:
        """Empty the engine's own text structures before a rebuild."""

    def tidy_after_rebuild(self) -> None:
        """Ready the engine's refilled structures for searches (statistics)."""


def _corrected(concept: Concept, correction) -> Concept:
    """A one-word concept of 5 letters or more (not a synonym) with its typo fixed."""
    if len(concept.alternatives) > 1 or len(concept.typed) > 1:
        return concept
    token = concept.typed[0]
    if len(token) < TYPO_MIN_LENGTH or token.isdigit():
        return concept
    return correction(token) or concept


def _entry(document: dict) -> SearchEntry:
    # "CIM-10" and "CIM10" are stored, and queried, as "CIM 10".
    texts = {c: split_identifiers(text) for c, text in entry_texts(document).items()}
    return SearchEntry(
        search_type=document["type"],
        object_id=document["pk"],
        label=document["label"][:500],
        url=document["url"][:500],
        sort_title=fold(document.get("sort_title") or document["label"])[:500],
        start_date=document.get("start_date"),
        words=" ".join(
            words(
                " ".join(texts[c] for c in ("acronym", "title", "keywords", "summary"))
            )
        ),
        snippet=entry_snippet(document),
        **texts,
    )


def ids_in(ids) -> list[int] | RawSQL:
    """The right side of an `__in` lookup for many ids: on PostgreSQL one array
    parameter, not one parameter per id (thousands of them cost more than the
    query itself)."""
    ids = list(ids)
    if connection.vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::bigint[])", (ids,))
    return ids


def _page(
    keys: list[Key], scores: dict[Key, float], request: SearchRequest
) -> list[Key]:
    """The requested page of the hits in the requested order; by relevance, only
    the hits up to its end are put in order (14,000 hits: a full sort cost more
    than the page)."""
    end = request.offset + request.page_size
    if request.sort == "relevance" and scores:
        # Only the hits scoring at least the page's last score can be on it: they
        # are put in order, not the 14,000 through a Python key function. The keys
        # are among the scored hits: as many means all of them, whose scores are
        # then read as stored rather than looked up one by one.
        if len(keys) > end:
            if len(keys) == len(scores):
                floor = sorted(scores.values(), reverse=True)[end - 1]
                keys = [key for key, value in scores.items() if value >= floor]
            else:
                values = [scores.get(key, 0.0) for key in keys]
                floor = sorted(values, reverse=True)[end - 1]
                keys = [
                    key
                    for key, value in zip(keys, values, strict=True)
                    if value >= floor
                ]
        best = sorted(keys, key=lambda k: (-scores.get(k, 0.0), k))[:end]
        return best[request.offset :]
    return _ordered(keys, scores, request)[request.offset : end]


def _ordered(
    keys: list[Key], scores: dict[Key, float], request: SearchRequest
) -> list[Key]:
    """Hits in the requested order: score, title or start date (latest first)."""
    if request.sort == "relevance" and scores:
        return sorted(keys, key=lambda k: (-scores.get(k, 0.0), k))
    by_type: dict[str, list[int]] = defaultdict(list)
    for search_type, pk in keys:
        by_type[search_type].append(pk)
    sort_data = {}
    for search_type, ids in by_type.items():
        rows = SearchEntry.objects.filter(search_type=search_type)
        if len(ids) < 10000:
            rows = rows.filter(object_id__in=ids_in(ids))
        wanted = set(ids)
        for pk, title, start in rows.values_list(
            "object_id", "sort_title", "start_date"
        ):
            if pk in wanted:
                sort_data[(search_type, pk)] = (title, start)

    def title(key: Key) -> tuple:
        return (sort_data.get(key, ("", None))[0], key)

    if request.sort == "date":
        dated = [k for k in keys if sort_data.get(k, ("", None))[1]]
        undated = [k for k in keys if not sort_data.get(k, ("", None))[1]]
        dated.sort(key=title)
        dated.sort(key=lambda k: sort_data[k][1], reverse=True)
        return dated + sorted(undated, key=title)
    return sorted(keys, key=title)


def _hits(keys: list[Key], scores: dict[Key, float], query: str) -> list[SearchHit]:
    by_type: dict[str, list[int]] = defaultdict(list)
    for search_type, pk in keys:
        by_type[search_type].append(pk)
    entries = {}
    for search_type, ids in by_type.items():
        for entry in SearchEntry.objects.filter(
            search_type=search_type, object_id__in=ids
        ):
            entries[(search_type, entry.object_id)] = entry
    return [
        SearchHit(
            type=key[0],
            pk=key[1],
            url=entries[key].url,
            label=entries[key].label,
            snippet=highlight(entries[key].snippet, query),
            score=scores.get(key),
        )
        for key in keys
        if key in entries
    ]
