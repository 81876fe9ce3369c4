"""The database fallback: the same request and response as Elasticsearch, answered
from the tables when no cluster is configured or reachable.

Text matching uses PostgreSQL's French full-text search (plain word matching on
SQLite). Facets cover projects, computed from (project, value) pairs read in a fixed
number of queries; other types are matched on their own fields and are left out when
a project facet is selected, since only the index holds their derived facets.
"""

import re
import time
from collections import defaultdict

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Q, QuerySet
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from projects.institutes import project_institute_pairs
from projects.models import Project
from projects.models.project import stage_for_trl
from registry.models import Dataset, Evaluation, Person, Team
from search.contract import FACETS, TYPES, SearchHit, SearchRequest, SearchResponse
from search.facets import facet_values

TEXT_FIELDS = {
    "project": ["title", "acronym", "title_en", "summary", "summary_en", "description"],
    "team": ["name", "acronym", "description", "city"],
    "person": ["first_name", "last_name", "title"],
    "dataset": ["name", "acronym", "description", "population"],
}
ROWS = {
    "project": lambda: Project.objects.public(),
    "team": lambda: Team.objects.all(),
    "person": lambda: Person.objects.all(),
    "dataset": lambda: Dataset.objects.all(),
}


def fallback_search(request: SearchRequest) -> SearchResponse:
    started = time.monotonic()
    types = request.types or list(TYPES)
    active = {name: values for name, values in request.filters.items() if values}
    matches = {t: _text_match(t, ROWS[t](), request.query) for t in TYPES}

    project_ids = set(matches["project"].values_list("pk", flat=True))
    pairs = _project_facet_pairs(project_ids) if project_ids else {}
    selected = {
        name: _union(pairs.get(name, {}), values) for name, values in active.items()
    }
    project_hits = (
        project_ids.intersection(*selected.values()) if selected else project_ids
    )

    facets = {}
    for name in FACETS:
        others = [ids for other, ids in selected.items() if other != name]
        within = project_ids.intersection(*others) if others else project_ids
        counts = [
            (value, len(ids & within)) for value, ids in pairs.get(name, {}).items()
        ]
        facets[name] = facet_values(
            name, [c for c in counts if c[1]], active.get(name, [])
        )

    counts_by_type = {"project": len(project_hits)}
    for search_type in ("team", "person", "dataset"):
        counts_by_type[search_type] = 0 if active else matches[search_type].count()
    facets["type"] = facet_values(
        "type",
        [(t, n) for t, n in counts_by_type.items() if n],
        types if request.types else [],
    )

    hits, total = _page(request, types, matches, project_hits, counts_by_type)
    return SearchResponse(
        hits=hits,
        total=total,
        facets=facets,
        took_ms=int((time.monotonic() - started) * 1000),
        engine="database",
    )


def _text_match(search_type: str, rows: QuerySet, query: str) -> QuerySet:
    words = [word for word in re.findall(r"\w+", query) if len(word) > 1]
    if not words:
        return rows
    fields = TEXT_FIELDS[search_type]
    if connection.vendor == "postgresql":
        vector = SearchVector(*fields, config="french")
        search = SearchQuery(query, config="french", search_type="websearch")
        # Match with @@, rank separately: ts_rank gives non-matches a tiny positive.
        return rows.annotate(document=vector, rank=SearchRank(vector, search)).filter(
            document=search
        )
    condition = Q()
    for word in words:
        any_field = Q()
        for field in fields:
            any_field |= Q(**{f"{field}__icontains": word})
        condition &= any_field
    return rows.filter(condition)


def _project_facet_pairs(project_ids: set[int]) -> dict[str, dict[str, set[int]]]:
    """Facet name → value → ids of the projects that have it."""
    projects = Project.objects.filter(pk__in=project_ids)
    pairs: dict[str, dict[str, set[int]]] = {name: defaultdict(set) for name in FACETS}

    def collect(name: str, *lookups: str):
        for lookup in lookups:
            for pk, value in projects.values_list("pk", lookup):
                if value is not None:
                    pairs[name][str(value)].add(pk)

    for pk, institute_id in project_institute_pairs(projects):
        pairs["institute"][str(institute_id)].add(pk)
    collect("team", "lead_team", "partners__team")
    collect("domain", "domains", "domains__parent")
    collect("technique", "techniques", "techniques__parent")
    collect("dataset", "dataset_uses__dataset")
    collect("status", "status")
    collect("start_year", "start_date__year")
    for pk, trl in projects.values_list("pk", "trl"):
        pairs["stage"][stage_for_trl(trl).value].add(pk)
    for pk, verdict in (
        Evaluation.objects.public()
        .filter(project__in=project_ids)
        .values_list("project_id", "verdict")
    ):
        if verdict:
            pairs["verdict"][verdict].add(pk)
    return pairs


def _union(values_to_ids: dict[str, set[int]], values: list[str]) -> set[int]:
    return set().union(*(values_to_ids.get(value, set()) for value in values))


def _page(request, types, matches, project_hits, counts_by_type):
    """The requested page of hits, projects first, each type in the requested order."""
    ordered: list[tuple[str, QuerySet]] = []
    for search_type in types:
        rows = matches[search_type]
        if search_type == "project":
            rows = rows.filter(pk__in=project_hits)
        elif not counts_by_type[search_type]:
            continue
        ordered.append((search_type, _ordered(search_type, rows, request)))
    total = sum(counts_by_type[t] for t in types)
    hits, skip, room = [], request.offset, request.page_size
    for search_type, rows in ordered:
        count = counts_by_type[search_type]
        if skip >= count:
            skip -= count
            continue
        for obj in rows[skip : skip + room]:
            hits.append(_hit(search_type, obj, request.query))
        room -= min(count - skip, room)
        skip = 0
        if room <= 0:
            break
    return hits, total


def _ordered(search_type: str, rows: QuerySet, request: SearchRequest) -> QuerySet:
    title = {
        "project": "title",
        "team": "name",
        "person": "last_name",
        "dataset": "name",
    }[search_type]
    if request.sort == "title":
        return rows.order_by(title, "pk")
    if request.sort == "date" and search_type == "project":
        return rows.order_by("-start_date", "pk")
    if "rank" in rows.query.annotations:  # PostgreSQL full-text matched the query
        return rows.order_by("-rank", title, "pk")
    return rows.order_by(title, "pk")


def _hit(search_type: str, obj, query: str) -> SearchHit:
    text = {
        "project": lambda: obj.summary,
        "team": lambda: obj.description,
        "person": lambda: obj.title,
        "dataset": lambda: obj.description,
    }[search_type]()
    label = obj.full_name if search_type == "person" else str(obj)
    return SearchHit(
        type=search_type,
        pk=obj.pk,
        url=obj.get_absolute_url(),
        label=label,
        snippet=highlight(strip_tags(text or "")[:240], query),
    )


def highlight(text: str, query: str) -> str:
    """Escaped text with <mark> around the query's words (4 letters and more)."""
    escaped = escape(text)
    words = sorted(
        {w for w in re.findall(r"\w+", query) if len(w) > 3}, key=len, reverse=True
    )
    if words:
        pattern = re.compile(
            "|".join(re.escape(escape(w)) for w in words), re.IGNORECASE
        )
        escaped = pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", escaped)
    return mark_safe(escaped)
