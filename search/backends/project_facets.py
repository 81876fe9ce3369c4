"""Project facets of the database engines.

The (facet, value, project) pairs come from the same lookups as everywhere else (the
institutes' paths of projects/institutes.py, the public evaluations), each compiled
by Django into a part of one UNION ALL. On PostgreSQL they are read when a project's
search entry is written and stored per project as the integer codes of "facet:value"
tokens (`project_facets_store`, tables of migrations search/0005 and 0007), so a
search counts them over its hits in one grouped scan of that narrow table: reading
the pairs of 10,000 hits through joins took seconds at 100,000 projects. A value is
counted within the other selected facets (a selected facet never narrows its own
values), as on the engine.

SQLite and callers that need the pairs themselves use `project_facet_pairs`.
"""

from collections import defaultdict
from collections.abc import Iterable

from django.db import connection
from django.db.models import BooleanField
from django.db.models.expressions import RawSQL

from projects.institutes import INSTITUTE_PATHS, project_institute_pairs
from projects.models import Project
from projects.models.project import STAGE_TRL_RANGES, stage_for_trl
from registry.models import Evaluation, Organisation
from search.contract import FACETS

# Facet → the lookups from a project to its values (stage and verdict aside).
LOOKUPS = {
    "team": ("lead_team", "partners__team"),
    "domain": ("domains", "domains__parent"),
    "technique": ("techniques", "techniques__parent"),
    "dataset": ("dataset_uses__dataset",),
    "status": ("status",),
    "start_year": ("start_date__year",),
}
# The stage is counted per TRL in the database, then summed per stage here.
_TRL = "trl"


def project_facet_pairs(project_ids: set[int]) -> dict[str, dict[str, set[int]]]:
    """Facet name → value → ids of the projects that have it (SQLite, whose
    parameters are not arrays)."""
    projects = Project.objects.filter(pk__in=list(project_ids))
    pairs: dict[str, dict[str, set[int]]] = {name: defaultdict(set) for name in FACETS}
    for pk, institute in project_institute_pairs(projects):
        pairs["institute"][str(institute)].add(pk)
    for name, lookups in LOOKUPS.items():
        for lookup in lookups:
            for pk, value in projects.values_list("pk", lookup):
                if value is not None:
                    pairs[name][str(value)].add(pk)
    for pk, trl in projects.values_list("pk", "trl"):
        pairs["stage"][stage_for_trl(trl).value].add(pk)
    for pk, verdict in (
        Evaluation.objects.public()
        .filter(project__in=list(project_ids))
        .values_list("project_id", "verdict")
    ):
        if verdict:
            pairs["verdict"][verdict].add(pk)
    return pairs


def project_facet_counts(
    project_ids: set[int], active: dict[str, list[str]]
) -> tuple[dict[str, list[tuple[str, int]]], set[int]]:
    """(value, count) per facet, each counted within the other selected facets, and
    the projects that pass every selected facet; on PostgreSQL from the stored
    tokens (`project_facets_store`), in one statement."""
    if connection.vendor != "postgresql":
        return _counts_from_pairs(project_facet_pairs(project_ids), project_ids, active)
    # Selected facet → the codes of its tokens ("trl:3"…: a stage is its TRLs).
    selected = _selected_codes(
        {
            _TRL if name == "stage" else name: [
                f"{_TRL if name == 'stage' else name}:{stored}"
                for value in values
                for stored in _stored_values(name, value)
            ]
            for name, values in active.items()
        }
    )
    miss = "(NOT (codes && %s::int[]))"
    failed = " + ".join([f"{miss}::int"] * len(selected)) or "0"
    # The selected facet a project misses, by its rank among them (1, 2…), if one.
    failing = (
        "CASE "
        + "".join(f"WHEN {miss} THEN {rank} " for rank in range(1, len(selected) + 1))
        + "ELSE 0 END"
    )
    # A project counts for a value of facet F when it passes every selected facet
    # but F: it misses none, or only F. The ":<id>" rows are the projects passing
    # all. Codes are grouped as integers, then named (a few thousand). The codes
    # are unnested in the select list, not joined to `unnest()` per row: one
    # function scan per hit cost more than the grouping ("prédiction de la
    # mortalité en réanimation" at 100,000 projects, 14,979 hits: 50 → 35 ms;
    # IRM + one technique: 59 → 46 ms).
    sql = f"""
        WITH found AS MATERIALIZED (
            SELECT project_id, codes, {failed} AS failed, {failing} AS failing
            FROM search_project_facets WHERE project_id = ANY(%s::bigint[])
        )
        SELECT t.token, sum(g.n)::int FROM (
            SELECT code, failing, count(*) AS n FROM (
                SELECT unnest(codes) AS code, failing FROM found WHERE failed <= 1
            ) pairs GROUP BY code, failing
        ) g JOIN search_facet_tokens t USING (code)
        WHERE g.failing = 0 OR split_part(t.token, ':', 1) = (%s::text[])[g.failing]
        GROUP BY t.token
        UNION ALL
        SELECT ':' || project_id, 0 FROM found WHERE %s AND failed = 0
    """
    if not selected:  # nothing to miss: every project counts for every value
        sql = """
            SELECT t.token, g.n::int FROM (
                SELECT code, count(*) AS n FROM (
                    SELECT unnest(codes) AS code FROM search_project_facets
                    WHERE project_id = ANY(%s::bigint[])
                ) pairs GROUP BY code
            ) g JOIN search_facet_tokens t USING (code)
        """
    codes = list(selected.values())
    arguments = (
        [*codes, *codes, id_array(project_ids), list(selected), True]
        if selected
        else [id_array(project_ids)]
    )
    counts: dict[str, dict[str, int]] = {name: defaultdict(int) for name in FACETS}
    passing = set() if selected else set(project_ids)
    with connection.cursor() as cursor:
        cursor.execute(sql, arguments)
        for token, count in cursor.fetchall():
            facet, _, value = token.partition(":")
            if facet == "":
                passing.add(int(value))
            elif facet == _TRL:
                counts["stage"][stage_for_trl(int(value)).value] += count
            elif facet in counts:
                counts[facet][value] += count
    return {name: list(values.items()) for name, values in counts.items()}, passing


def _selected_codes(selected: dict[str, list[str]]) -> dict[str, list[int]]:
    """Selected facet → the codes of its tokens (none for a value no project has)."""
    if not selected:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT token, code FROM search_facet_tokens WHERE token = ANY(%s)",
            [[token for tokens in selected.values() for token in tokens]],
        )
        code_of = dict(cursor.fetchall())
    return {
        name: [code_of[token] for token in tokens if token in code_of]
        for name, tokens in selected.items()
    }


def id_array(ids: Iterable[int]) -> str:
    """Ids as one PostgreSQL array literal: adapting 14,000 integers one by one
    costs the driver more than the query that reads them."""
    return "{" + ",".join(map(str, map(int, ids))) + "}"


def project_facets_store(project_ids: Iterable[int], gone: Iterable[int] = ()) -> None:
    """Store the facet values of these projects ("domain:4", "trl:6"…, as codes of
    `search_facet_tokens`) from the registry's rows, as the pairs below read them
    (PostgreSQL; the backend's `write_text` calls it whenever a project's search
    entry is written); forget those of `gone`."""
    ids = list(project_ids)
    with connection.cursor() as cursor:
        cursor.execute(
            "DELETE FROM search_project_facets WHERE project_id = ANY(%s::bigint[])",
            [ids + list(gone)],
        )
        if not ids:
            return
        parts, params = _pair_parts()
        cursor.execute(
            f"""
            WITH hit_array AS (SELECT %s::bigint[] AS ids)
            SELECT DISTINCT pid, facet || ':' || value
            FROM ({" UNION ALL ".join(parts)}) pairs
            """,
            [ids, *params],
        )
        pairs = cursor.fetchall()
        # New tokens get their codes first, in a statement of their own: the next
        # one then sees them, even those another writer has just added.
        cursor.execute(
            "INSERT INTO search_facet_tokens (token) "
            "SELECT DISTINCT unnest(%s::text[]) ORDER BY 1 ON CONFLICT DO NOTHING",
            [sorted({token for _pid, token in pairs})],
        )
        cursor.execute(
            """
            INSERT INTO search_project_facets (project_id, codes)
            SELECT p.pid, array_agg(t.code ORDER BY t.code)
            FROM unnest(%s::bigint[], %s::text[]) AS p(pid, token)
            JOIN search_facet_tokens t USING (token)
            GROUP BY p.pid ORDER BY p.pid
            ON CONFLICT (project_id) DO UPDATE SET codes = EXCLUDED.codes
            """,
            [[pid for pid, _token in pairs], [token for _pid, token in pairs]],
        )


def _pair_parts() -> tuple[list[str], list]:
    """SQL parts selecting (facet, value, pid) of the projects in `facet_hits`."""
    # `= ANY(array)`, not `IN (SELECT …)`: each part then reads its rows by index.
    projects = Project.objects.filter(_among_hits('"projects_project"."id"')).order_by()
    parts, params = [], []

    def add(facet: str, queryset, condition: str = "", condition_params=()):
        sql, sql_params = queryset.query.sql_with_params()
        parts.append(
            f"SELECT %s::text AS facet, s.v::text AS value, s.pid "
            f"FROM ({sql}) s(pid, v) WHERE s.v IS NOT NULL {condition}"
        )
        params.extend([facet, *sql_params, *condition_params])

    institutes, institutes_params = (
        Organisation.objects.institutes()
        .order_by()
        .values("pk")
        .query.sql_with_params()
    )
    for path in INSTITUTE_PATHS:
        add(
            "institute",
            projects.values_list("pk", path),
            f"AND s.v IN ({institutes})",
            institutes_params,
        )
    for name, lookups in LOOKUPS.items():
        for lookup in lookups:
            add(name, projects.values_list("pk", lookup))
    add(_TRL, projects.values_list("pk", "trl"))
    add(
        "verdict",
        Evaluation.objects.public()
        .filter(_among_hits('"registry_evaluation"."project_id"'))
        .order_by()
        .values_list("project_id", "verdict"),
        "AND s.v <> ''",
    )
    return parts, params


def _among_hits(column: str) -> RawSQL:
    return RawSQL(
        f"{column} = ANY((SELECT ids FROM hit_array)::bigint[])",
        (),
        output_field=BooleanField(),
    )


def _stored_values(name: str, value: str) -> list[str]:
    """The values a selected one stands for in the pairs: a stage is its TRLs."""
    if name != "stage":
        return [value]
    for stage, (low, high) in STAGE_TRL_RANGES.items():
        if stage.value == value:
            return [str(trl) for trl in range(low, high + 1)]
    return []


def _counts_from_pairs(
    pairs: dict[str, dict[str, set[int]]],
    project_ids: set[int],
    active: dict[str, list[str]],
) -> tuple[dict[str, list[tuple[str, int]]], set[int]]:
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
