"""Project facets of the database engines, counted on the search entries alone.

Each project's entry stores its facet values as "facet:value" words, taken from the
same document as the index's facet fields (search/sources.py, `entry_facets`: the
institutes' rule, domains with their parents, public verdicts…), kept current by
the same outbox. PostgreSQL counts them in one statement; elsewhere they are
counted here. A value is counted within the other selected facets (a selected
facet never narrows its own values), as on the engine.
"""

from collections import defaultdict

from django.db import connection

from search.contract import FACETS
from search.models import SearchEntry

Counts = dict[str, list[tuple[str, int]]]


def project_facet_counts(
    project_ids: set[int], active: dict[str, list[str]]
) -> tuple[Counts, set[int]]:
    """(value, count) per facet, each counted within the other selected facets, and
    the projects that pass every selected facet."""
    if connection.vendor != "postgresql":
        return _counts_from_pairs(project_facet_pairs(project_ids), project_ids, active)
    ids = list(project_ids)
    counts: dict[str, list[tuple[str, int]]] = {name: [] for name in FACETS}
    with connection.cursor() as cursor:
        if active:
            cursor.execute(_FILTERED_SQL, _filtered_params(ids, active))
        else:
            cursor.execute(_UNFILTERED_SQL, [ids])
        rows = cursor.fetchall()
    passing = set() if active else set(project_ids)
    for word, count in rows:
        name, _, value = word.partition(":")
        if name == "":
            passing.add(int(value))
        elif name in counts:
            counts[name].append((value, count))
    return counts, passing


_WORDS = """
    SELECT e.object_id AS pid, word
    FROM search_searchentry e, unnest(string_to_array(nullif(e.facets, ''), ' ')) word
    WHERE e.search_type = 'project' AND e.object_id = ANY(%s::bigint[])
"""
_UNFILTERED_SQL = f"SELECT word, count(*) FROM ({_WORDS}) pairs GROUP BY word"
# A project counts for a value of facet F when it passes every selected facet but
# F; the rows ":<id>" are the projects passing them all.
_FILTERED_SQL = f"""
    WITH pairs AS ({_WORDS}),
    chosen AS (
        SELECT pid, array_agg(DISTINCT split_part(word, ':', 1)) AS facets
        FROM pairs WHERE word = ANY(%s::text[])
        GROUP BY pid
    )
    SELECT p.word, count(*)
    FROM pairs p LEFT JOIN chosen c ON c.pid = p.pid
    WHERE %s::text[] <@ (coalesce(c.facets, '{{}}') || split_part(p.word, ':', 1))
    GROUP BY p.word
    UNION ALL
    SELECT ':' || h.pid, 0
    FROM unnest(%s::bigint[]) h(pid) LEFT JOIN chosen c ON c.pid = h.pid
    WHERE %s::text[] <@ coalesce(c.facets, '{{}}')
"""


def _filtered_params(ids: list[int], active: dict[str, list[str]]) -> list:
    chosen = [f"{name}:{value}" for name, values in active.items() for value in values]
    selected = list(active)
    return [ids, chosen, selected, ids, selected]


def project_facet_pairs(project_ids: set[int]) -> dict[str, dict[str, set[int]]]:
    """Facet name → value → ids of the projects that have it."""
    pairs: dict[str, dict[str, set[int]]] = {name: defaultdict(set) for name in FACETS}
    entries = SearchEntry.objects.filter(search_type="project")
    if len(project_ids) < 10000:  # SQLite takes so many parameters at most
        entries = entries.filter(object_id__in=list(project_ids))
    for pk, words in entries.values_list("object_id", "facets"):
        if pk not in project_ids:
            continue
        for word in words.split():
            name, _, value = word.partition(":")
            if name in pairs:
                pairs[name][value].add(pk)
    return pairs


def _counts_from_pairs(
    pairs: dict[str, dict[str, set[int]]],
    project_ids: set[int],
    active: dict[str, list[str]],
) -> tuple[Counts, set[int]]:
    selected = {
        name: set().union(*(pairs.get(name, {}).get(value, set()) for value in values))
        for name, values in active.items()
    }
    passing = project_ids.intersection(*selected.values()) if selected else project_ids
    counts = {}
    for name in FACETS:
        others = [ids for other, ids in selected.items() if other != name]
        within = project_ids.intersection(*others) if others else project_ids
        counts[name] = [
            (value, len(ids & within)) for value, ids in pairs.get(name, {}).items()
        ]
    return counts, passing
