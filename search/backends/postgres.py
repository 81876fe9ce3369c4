"""PostgreSQL full-text search on the stored, GIN-indexed `document` vector of
search entries (migration search/0002): accent-insensitive French stemming
(`registre_fr`: unaccent + french_stem), English fields in English, acronyms
unstemmed; synonyms applied to the query; `ts_rank_cd` with title and acronym
weighted first; most words required, not all; a trigram pass (`pg_trgm`) for typos.
"""

import difflib
import re

from django.db import connection

from search.backends.analysis import (
    Concept,
    fold,
    required_matches,
    split_identifiers,
    stems,
    words,
)
from search.backends.database import DatabaseBackend, Key

# ts_rank_cd weights of D, C, B, A: body and English, summary and names, keywords,
# title and acronym.
WEIGHTS = "{0.1, 0.2, 0.5, 1.0}"
# Normalisation 32: rank / (rank + 1), so a rank adds less than one matched concept.
RANK_NORMALISATION = 32
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
        need = required_matches(len(concepts))
        columns, params = [], []
        for index, concept in enumerate(concepts):
            sql, concept_params = concept_sql(concept)
            columns.append(f"{sql} AS q{index}")
            params += concept_params
        typed = " ".join(_TOKENS.findall(fold(split_identifiers(query))))
        any_concept = " || ".join(f"q.q{i}" for i in range(len(concepts)))
        matched = " + ".join(
            f"(e.document @@ q.q{i})::int" for i in range(len(concepts))
        )
        # The words as typed, in order, rank above synonyms and scattered words.
        phrase_bonus = "(e.document @@ phraseto_tsquery('registre_fr', %s))::int"
        sql = f"""
            WITH q AS (SELECT {", ".join(columns)})
            SELECT search_type, object_id, matched + bonus + rank FROM (
                SELECT e.search_type, e.object_id, {matched} AS matched,
                    {phrase_bonus} AS bonus,
                    ts_rank_cd(%s, e.document, {any_concept}, {RANK_NORMALISATION})
                        AS rank
                FROM search_searchentry e, q
                WHERE e.document @@ ({any_concept}) AND e.search_type = ANY(%s)
            ) found
            WHERE matched >= %s
        """
        params.append(typed)
        params += [WEIGHTS, types, need]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return {(t, pk): score for t, pk, score in cursor.fetchall()}

    def correction(self, token: str) -> Concept | None:
        """The closest word of the entries' text (trigram index, then difflib)."""
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT words FROM search_searchentry WHERE %s <%% words LIMIT 20",
                [token],
            )
            candidates = {
                word
                for (text,) in cursor.fetchall()
                for word in text.split()
                if word[:1] == token[:1]
            }
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
                SELECT search_type, object_id FROM search_searchentry, q
                WHERE document @@ q.q
                ORDER BY ts_rank_cd(document, q.q) DESC, sort_title LIMIT %s
                """,
                [" & ".join(terms), size],
            )
            return [(t, pk) for t, pk in cursor.fetchall()]


def _prefix_tokens(prefix: str) -> list[tuple[str, str]]:
    """(folded word, its stem) of what was typed; tsquery-safe ([a-z0-9] only)."""
    tokens = words(prefix)
    return list(zip(tokens, stems(tokens), strict=True))
