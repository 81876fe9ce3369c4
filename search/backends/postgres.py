"""PostgreSQL full-text search on the stored `document` vector of search entries
(migration search/0002), read from a narrow copy with its GIN index (0005) that
triggers delete with the entries (0006):
accent-insensitive French stemming (`registre_fr`: unaccent + french_stem), English
fields in English, acronyms unstemmed; synonyms applied to the query; `ts_rank_cd`
with title and acronym weighted first; most words required, not all; a trigram pass
(`pg_trgm`) for typos over the vocabulary of the entries' words; project facets
stored as tokens (search/backends/project_facets.py; tables of migration 0005).
"""

import difflib
import itertools
import math
import re

from django.db import connection, transaction

from search.backends.analysis import (
    Concept,
    fold,
    required_matches,
    split_identifiers,
    stems,
    words,
)
from search.backends.database import DatabaseBackend, Key
from search.backends.project_facets import id_array, project_facets_store
from search.contract import TYPES
from search.models import SearchEntry

# ts_rank_cd weights of D, C, B, A: body and English, summary and names, keywords,
# title and acronym.
WEIGHTS = "{0.1, 0.2, 0.5, 1.0}"
# Normalisation 32: rank / (rank + 1), so a rank adds less than one matched concept.
RANK_NORMALISATION = 32
# Beyond this many combinations of required concepts, the index looks for any one.
MAX_COMBINATIONS = 64
# Trigram similarity of a vocabulary word to a misspelt one, to be a candidate.
TYPO_SIMILARITY = 0.3
_TOKENS = re.compile(r"[a-z0-9']+")


def _alternative_sql(tokens: tuple[str, ...], text: str) -> tuple[str, list[str]]:
    # The phrase with its stop words: PostgreSQL keeps their positions.
    sql = "(phraseto_tsquery('registre_fr', %s) || phraseto_tsquery('registre_en', %s)"
    params = [text, text]
    if len(tokens) == 1:  # acronyms are stored unstemmed ("EDS" is not "ed")
        sql += " || plainto_tsquery('registre_simple', %s)"
        params.append(tokens[0])
    return sql + ")", params


def concept_sql(concept: Concept) -> tuple[str, list[str]]:
    parts, params = [], []
    for index, alternative in enumerate(concept.alternatives):
        sql, alternative_params = _alternative_sql(alternative, concept.text(index))
        parts.append(sql)
        params += alternative_params
    return "(" + " || ".join(parts) + ")", params


class PostgresBackend(DatabaseBackend):
    name = "postgresql"

    def text_match(
        self, query: str, concepts: list[Concept], types: list[str]
    ) -> dict[Key, float]:
        found, _any_concept = _ranked_match(query, concepts, types, ranked=True)
        return {(t, pk): score for t, pk, _entry, score in found}

    def text_match_unranked(
        self,
        query: str,
        concepts: list[Concept],
        types: list[str],
        *,
        filtered: bool = False,
    ) -> dict[Key, float]:
        """Matched concepts and phrase only: `ts_rank_cd` is most of the text
        query's cost (it zeroes 32 kB per term of the query for every entry it
        ranks), and most hits cannot reach the page or are not kept. One concept
        and no facet: nearly every hit has the word as typed, so would be ranked
        anyway, and ranking them in the text query costs less than reading them
        again (IRM at 100,000 projects: 84 ms in one statement, bench/results/
        engines-postgresql-100000.md)."""
        if len(concepts) == 1 and not filtered:
            return self.text_match(query, concepts, types)
        found, any_concept = _ranked_match(query, concepts, types, ranked=False)
        return Unranked(
            {(t, pk): score for t, pk, _entry, score in found},
            rows=found,
            rank_query=any_concept,
        )

    def rank(
        self, keys: list[Key], scores: dict[Key, float], *, best: int | None = None
    ) -> dict[Key, float]:
        """`ts_rank_cd` (below 1) added to the whole-number score of the hits that
        can be among the `best` first: those scoring at least the `best`-th score.
        A hit scoring less stays below them whatever its rank."""
        if not isinstance(scores, Unranked) or not keys:
            return scores
        # Every hit kept (no facet selected, every type): the scores are read as
        # stored, not looked up by key (hashing 15,000 keys twice cost 5 ms).
        every = len(keys) == len(scores)
        floor = None
        if best is not None and len(keys) > best:
            values = scores.values() if every else [scores[key] for key in keys]
            # The `best`-th score: a sort in C costs less than heapq's loop.
            floor = sorted(values, reverse=True)[best - 1]
        wanted = None if every else set(keys)
        entries = {
            (t, pk): entry
            for t, pk, entry, score in scores.rows
            if (floor is None or score >= floor)
            and (wanted is None or (t, pk) in wanted)
        }
        sql, params, phrase = scores.rank_query
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT entry_id, {_rank_sql(sql)} FROM search_entry_vectors "
                "WHERE entry_id = ANY(%s::bigint[])",
                [*_rank_params(params, phrase), id_array(entries.values())],
            )
            ranks = dict(cursor.fetchall())
        # Only the ranked hits change (the page is among them): a copy and 2,000
        # updates, not a new dict of all 15,000 hits.
        ranked = dict(scores)
        for key, entry in entries.items():
            ranked[key] += ranks.get(entry, 0.0)
        return ranked

    def correction(self, token: str) -> Concept | None:
        """The closest word of the entries' vocabulary starting with the same letter
        (trigram index over single words, then difflib as on SQLite)."""
        with transaction.atomic(), connection.cursor() as cursor:
            # A swap of two letters shares few trigrams ("alzhiemer" and
            # "alzheimer": 0.43); difflib's cutoff then keeps only close words.
            cursor.execute(
                "SELECT set_config('pg_trgm.similarity_threshold', %s, true)",
                [str(TYPO_SIMILARITY)],
            )
            cursor.execute(
                "SELECT word FROM search_entry_vocabulary "
                "WHERE word %% %s AND word LIKE %s "
                "ORDER BY similarity(word, %s) DESC, word LIMIT 20",
                [token, token[:1] + "%", token],
            )
            candidates = [word for (word,) in cursor.fetchall()]
        if token in candidates:
            return None
        best = difflib.get_close_matches(token, candidates, n=1, cutoff=0.8)
        return Concept(((best[0],),)) if best else None

    def prefix_match(self, prefix: str, size: int) -> list[Key]:
        tokens = _prefix_tokens(prefix)
        if not tokens:
            return []
        *complete, last = tokens
        terms = [f"({stem}:A | {token}:A)" for token, stem in complete]
        terms.append(f"({last[1]}:*A | {last[0]}:*A)")
        with connection.cursor() as cursor:
            cursor.execute(
                """
                WITH q AS (SELECT to_tsquery('registre_simple', %s) AS q)
                SELECT search_type, object_id FROM search_entry_vectors e, q
                WHERE document @@ q.q
                ORDER BY ts_rank_cd(document, q.q) DESC, sort_title LIMIT %s
                """,
                [" & ".join(terms), size],
            )
            return [(t, pk) for t, pk in cursor.fetchall()]

    def write_text(
        self, entries: list[SearchEntry], removed: list[SearchEntry]
    ) -> None:
        """The entries' vectors, the projects' facet tokens and the vocabulary of
        the typo pass (tables of migration search/0005)."""
        project_facets_store(
            [e.object_id for e in entries if e.search_type == "project"],
            gone=[e.object_id for e in removed if e.search_type == "project"],
        )
        text = " ".join(entry.words for entry in entries)
        # Rows written in key order: two refreshes at once never wait on each other
        # in opposite orders.
        with connection.cursor() as cursor:
            cursor.execute(
                "DELETE FROM search_entry_vectors WHERE entry_id = ANY(%s::bigint[])",
                [[entry.pk for entry in removed]],
            )
            cursor.execute(
                "INSERT INTO search_entry_vectors "
                "SELECT id, search_type, object_id, sort_title, document "
                "FROM search_searchentry WHERE id = ANY(%s::bigint[]) ORDER BY id "
                "ON CONFLICT (entry_id) DO UPDATE SET search_type = "
                "EXCLUDED.search_type, object_id = EXCLUDED.object_id, "
                "sort_title = EXCLUDED.sort_title, document = EXCLUDED.document",
                [[entry.pk for entry in entries]],
            )
            cursor.execute(
                "INSERT INTO search_entry_vocabulary (word) "
                "SELECT DISTINCT word FROM unnest(string_to_array(%s, ' ')) word "
                "WHERE word <> '' ORDER BY word ON CONFLICT DO NOTHING",
                [text],
            )

    def tidy_after_rebuild(self) -> None:
        """Vacuum and analyse the refilled tables: until autovacuum passes, a
        search read every hit's heap row to check its visibility and planned on
        the statistics of the emptied tables (p95 160 ms at 100,000 projects just
        after a rebuild, 142 ms once vacuumed). VACUUM cannot run in a
        transaction: there (tests, an atomic caller) the statistics only."""
        command = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
        with connection.cursor() as cursor:
            cursor.execute(f"{command} {', '.join(REBUILT_TABLES)}")

    def clear_text(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                "TRUNCATE search_entry_vectors, search_project_facets, "
                "search_entry_vocabulary"
            )


# The tables a rebuild fills (search/migrations 0002, 0005–0007).
REBUILT_TABLES = (
    "search_searchentry",
    "search_entry_vectors",
    "search_entry_vocabulary",
    "search_project_facets",
)


class Unranked(dict):
    """Hits scored by matched concepts and phrase only, with the rows they were read
    from ((type, object id, entry id, score): the entries' ids) and the tsquery
    `PostgresBackend.rank` ranks the kept ones by."""

    def __init__(self, scores, *, rows: list[tuple[str, int, int, float]], rank_query):
        super().__init__(scores)
        self.rows = rows
        self.rank_query = rank_query


def _ranked_match(
    query: str, concepts: list[Concept], types: list[str], *, ranked: bool
) -> tuple[list[tuple[str, int, int, float]], tuple[str, list[str]]]:
    """(type, object id, entry id, score) of the entries with enough concepts:
    matched concepts + 1 for the phrase as typed + `ts_rank_cd` (< 1) if `ranked`;
    and the tsquery of any concept, which `ts_rank_cd` ranks by, with its
    parameters."""
    need = required_matches(len(concepts))
    typed = " ".join(_TOKENS.findall(fold(split_identifiers(query))))
    # The words as typed, in order, rank above synonyms and scattered words.
    concept_queries, phrase = _tsqueries(concepts, typed)
    any_concept = "(" + " || ".join(["%s::tsquery"] * len(concepts)) + ")"
    wanted = _enough_concepts(concept_queries, need)
    if wanted is None:
        return [], (any_concept, concept_queries)
    # One concept: every entry found has it, no need to test it again.
    matched = (
        " + ".join(["(e.document @@ %s::tsquery)::int"] * len(concepts))
        if len(concepts) > 1
        else "1"
    )
    rank = _rank_sql(any_concept, "document") if ranked else "0"
    rank_params = _rank_params(concept_queries, phrase) if ranked else []
    # Every type: no condition, which the planner would read by the type's index.
    of_types = "" if set(types) >= set(TYPES) else "AND e.search_type = ANY(%s)"
    # Constant tsqueries: the planner estimates them and reads the GIN index.
    # OFFSET 0 keeps the inner query apart: without it the planner copies
    # `matched` into both the filter and the output, testing every concept twice
    # on every hit; phrase and rank are then computed for the kept hits only
    # ("prédiction de la mortalité en réanimation" at 100,000 projects, 14,979
    # hits: 52 → 47 ms).
    sql = f"""
        SELECT search_type, object_id, entry_id,
            matched + (document @@ %s::tsquery)::int + {rank} FROM (
            SELECT e.search_type, e.object_id, e.entry_id, e.document,
                {matched} AS matched
            FROM search_entry_vectors e
            WHERE e.document @@ %s::tsquery {of_types}
            OFFSET 0
        ) found
        WHERE matched >= %s
    """
    params = [
        phrase,
        *rank_params,
        *(concept_queries if len(concepts) > 1 else []),
        wanted,
        *([] if not of_types else [types]),
        need,
    ]
    with transaction.atomic(), connection.cursor() as cursor:
        before = _index_scans_only(cursor)
        cursor.execute(sql, params)
        found = cursor.fetchall()
        # On error the rollback to the savepoint restores it.
        cursor.execute("SELECT set_config('enable_seqscan', %s, true)", [before])
        return found, (any_concept, concept_queries, phrase)


def _rank_sql(any_concept: str, document: str = "document") -> str:
    """`ts_rank_cd` of an entry: by the words as typed where it holds them, else by
    every alternative of the concepts. It zeroes 32 kB per item of its tsquery for
    every entry it ranks, and synonyms make tens of items (IRM: 14,000 entries
    found, nearly all holding "irm": 186 → 88 ms at 100,000 projects)."""
    return (
        f"CASE WHEN {document} @@ %s::tsquery "
        f"THEN ts_rank_cd(%s, {document}, %s::tsquery, {RANK_NORMALISATION}) "
        f"ELSE ts_rank_cd(%s, {document}, {any_concept}, {RANK_NORMALISATION}) END"
    )


def _rank_params(concept_queries: list[str], phrase: str) -> list:
    return [phrase, WEIGHTS, phrase, WEIGHTS, *concept_queries]


def _enough_concepts(concept_queries: list[str], need: int) -> str | None:
    """A tsquery finding the entries with `need` of the concepts, for the GIN index
    to answer (any one of them would bring tens of thousands of entries to test
    one by one); None when no entry can have enough."""
    known = [query for query in concept_queries if query]  # stop words only: ''
    if need > len(known):
        return None
    if math.comb(len(known), need) > MAX_COMBINATIONS:
        return " | ".join(f"({query})" for query in known)
    return " | ".join(
        "(" + " & ".join(f"({query})" for query in combination) + ")"
        for combination in itertools.combinations(known, need)
    )


def _index_scans_only(cursor) -> str:
    """Read entries through the GIN index for the rest of this transaction; returns
    the setting to restore. The planner does not know what testing a long tsquery
    on every row costs: it scans the whole table (600 ms at 100,000 projects)
    where the index finds the few hundred entries in a few milliseconds."""
    # One round trip: the arguments are read before the setting changes.
    cursor.execute(
        "SELECT current_setting('enable_seqscan'), "
        "set_config('enable_seqscan', 'off', true)"
    )
    before, _off = cursor.fetchone()
    return before


def _tsqueries(concepts: list[Concept], typed: str) -> tuple[list[str], str]:
    """The tsquery of each concept and of the phrase as typed, as text."""
    columns, params = [], []
    for concept in concepts:
        sql, concept_params = concept_sql(concept)
        columns.append(f"({sql})::text")
        params += concept_params
    columns.append("phraseto_tsquery('registre_fr', %s)::text")
    params.append(typed)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(columns)}", params)
        *concept_queries, phrase = cursor.fetchone()
    return [_distinct_alternatives(query) for query in concept_queries], phrase


def _distinct_alternatives(tsquery: str) -> str:
    """The tsquery with its repeated alternatives once ('irm' | 'irm' | 'irm': the
    three configurations agree): fewer terms to test and rank on every entry."""
    alternatives, depth, quoted, start = [], 0, False, 0
    for index, char in enumerate(tsquery):
        if char == "'":
            quoted = not quoted
        elif quoted:
            continue
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif depth == 0 and char in "&!":
            return tsquery  # not an alternative of phrases: left as it is
        elif depth == 0 and char == "|":
            alternatives.append(tsquery[start:index].strip())
            start = index + 1
    alternatives.append(tsquery[start:].strip())
    return " | ".join(dict.fromkeys(alternatives))


def _prefix_tokens(prefix: str) -> list[tuple[str, str]]:
    """(folded word, its stem) of what was typed; tsquery-safe ([a-z0-9] only)."""
    tokens = words(prefix)
    return list(zip(tokens, stems(tokens), strict=True))
