"""SQLite, the embedded default (`make run`): an FTS5 table ranked by BM25, filled
with folded text stemmed by Snowball (search/backends/analysis.py), acronyms kept
whole; synonyms applied to the query; most words required, not all; typos
corrected against the table's own vocabulary (fts5vocab).

The FTS5 table is `search_entry_fts` (migration search/0002), rowid = entry id. The
backend works on any sqlite3 connection: Django's own by default, another one given
(the relevance tests run it next to PostgreSQL on the same entries).
"""

import difflib
import sqlite3

from django.db import connection

from search.backends.analysis import (
    Concept,
    required_matches,
    stems,
    words,
)
from search.backends.database import DatabaseBackend, Key
from search.models import SearchEntry

# The schema of migration search/0002, for a connection that has no migrations.
FTS_SCHEMA = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_entry_fts USING fts5("
    "search_type UNINDEXED, object_id UNINDEXED, acronym, title, keywords, summary, "
    "body, english, tokenize = 'unicode61')",
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_entry_fts_vocab "
    "USING fts5vocab(search_entry_fts, 'row')",
)
# BM25 weight per column (the two unindexed ones first): acronym and title rank
# first, then keywords, summary and names, body and English.
BM25 = "bm25(search_entry_fts, 0, 0, 10.0, 8.0, 4.0, 2.0, 1.0, 1.0)"
FRENCH_COLUMNS = "{title keywords summary body}"


def fts_text(entry: SearchEntry) -> tuple:
    """The FTS row of an entry: stemmed French, stemmed English, acronyms whole."""

    def french(text: str) -> str:
        return " ".join(stems(words(text)))

    return (
        entry.pk,
        entry.search_type,
        entry.object_id,
        " ".join(words(entry.acronym)),
        french(entry.title),
        french(entry.keywords),
        french(entry.summary),
        french(entry.body),
        " ".join(stems(words(entry.english), "english")),
    )


def _alternative(tokens: tuple[str, ...], stemmed: bool) -> str:
    french = " ".join(tokens if stemmed else stems(list(tokens)))
    english = " ".join(tokens if stemmed else stems(list(tokens), "english"))
    parts = [f'{FRENCH_COLUMNS} : "{french}"', f'english : "{english}"']
    if len(tokens) == 1:
        parts.append(f'acronym : "{tokens[0]}"')
    return " OR ".join(parts)


def concept_query(concept: Concept) -> str:
    """An FTS5 expression: any alternative, in any of its columns (tokens are
    [a-z0-9]+, so nothing needs escaping)."""
    return " OR ".join(
        f"({_alternative(a, concept.stemmed)})" for a in concept.alternatives
    )


class SqliteBackend(DatabaseBackend):
    name = "sqlite"

    def __init__(self, database: sqlite3.Connection | None = None):
        self._database = database

    def _db(self) -> sqlite3.Connection:
        if self._database is not None:
            return self._database
        connection.ensure_connection()
        return connection.connection

    def schema_create(self) -> None:
        for statement in FTS_SCHEMA:
            self._db().execute(statement)

    def _ranked(self, expression: str, types: list[str]) -> dict[Key, float]:
        rows = self._db().execute(
            f"SELECT search_type, object_id, {BM25} FROM search_entry_fts "
            "WHERE search_entry_fts MATCH ?",
            [expression],
        )
        # BM25 is negative, lower is better.
        return {(t, int(pk)): -score for t, pk, score in rows if t in types}

    def text_match(
        self, query: str, concepts: list[Concept], types: list[str]
    ) -> dict[Key, float]:
        need = required_matches(len(concepts))
        matched: dict[Key, int] = {}
        total: dict[Key, float] = {}
        for concept in concepts:
            for key, score in self._ranked(concept_query(concept), types).items():
                matched[key] = matched.get(key, 0) + 1
                total[key] = total.get(key, 0.0) + score
        # The words as typed, in order, rank above synonyms and scattered words.
        typed = " ".join(stems(words(query)))
        phrase = set(self._ranked(f'{FRENCH_COLUMNS} : "{typed}"', types))
        return {
            key: count + (key in phrase) + total[key] / (1 + total[key])
            for key, count in matched.items()
            if count >= need
        }

    def correction(self, token: str) -> Concept | None:
        """The closest stem of the vocabulary starting with the same letter."""
        stem = stems([token])[0]
        first = stem[:1]
        candidates = [
            term
            for (term,) in self._db().execute(
                "SELECT term FROM search_entry_fts_vocab WHERE term >= ? AND term < ?",
                [first, first + "\x7f"],
            )
        ]
        if stem in candidates:
            return None
        best = difflib.get_close_matches(stem, candidates, n=1, cutoff=0.8)
        return Concept(((best[0],),), stemmed=True) if best else None

    def prefix_match(self, prefix: str, size: int) -> list[Key]:
        tokens = words(prefix)
        if not tokens:
            return []
        *complete, last = tokens
        terms = [
            f'({{acronym title}} : "{stem}" OR acronym : "{token}")'
            for token, stem in zip(complete, stems(complete), strict=True)
        ]
        terms.append(f"({{acronym title}} : {stems([last])[0]}*)")
        rows = self._db().execute(
            f"SELECT search_type, object_id FROM search_entry_fts "
            f"WHERE search_entry_fts MATCH ? ORDER BY {BM25} LIMIT ?",
            [" AND ".join(terms), size],
        )
        return [(t, int(pk)) for t, pk in rows]

    def write_text(
        self, entries: list[SearchEntry], removed: list[SearchEntry]
    ) -> None:
        db = self._db()
        db.executemany(
            "DELETE FROM search_entry_fts WHERE rowid = ?",
            [(entry.pk,) for entry in [*entries, *removed]],
        )
        db.executemany(
            "INSERT INTO search_entry_fts (rowid, search_type, object_id, acronym, "
            "title, keywords, summary, body, english) VALUES (?,?,?,?,?,?,?,?,?)",
            [fts_text(entry) for entry in entries],
        )

    def clear_text(self) -> None:
        self._db().execute("DELETE FROM search_entry_fts")
