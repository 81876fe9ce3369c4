"""A newcomer's first searches on the demo (issue 13, "done when"), checked by
tests/portal/test_seed_demo.py right after its (single, slow) `seed_demo` run.

`make run` answers from SQLite; production, when Elasticsearch is away, from
PostgreSQL. Both run here on the entries `seed_demo` built: the search service itself
with no engine configured (it picks the database's backend: PostgreSQL, pytest's
database), and the SQLite backend over an in-memory copy of the same entries (the
code `make run` executes, on the same rows).
"""

import sqlite3

from django.test import override_settings

from projects.institutes import project_institute_q
from projects.models import Project
from registry.models import Organisation
from search.backends.sqlite import SqliteBackend
from search.client import es_reset
from search.contract import SearchRequest, SearchResponse
from search.models import SearchEntry
from search.service import search_execute

# Query → words one of the published projects found must hold in its title or
# keywords, so that a hit is on the topic asked for, not any project.
FIRST_SEARCHES = {
    "retinopathie": ("rétinopathie",),
    "rétinopatie": ("rétinopathie",),
    "AVC": ("AVC",),
    "accident vasculaire cérébral": ("AVC",),
    "Inserm": (),  # an Inserm project: projects/institutes.py decides which
    "deep learning": ("apprentissage profond", "deep learning"),
}


def _published_found(response: SearchResponse) -> list[Project]:
    ids = [hit.pk for hit in response.hits if hit.type == "project"]
    return list(Project.objects.public().filter(pk__in=ids))


def _on_topic(query: str, projects: list[Project]) -> bool:
    if query == "Inserm":
        inserm = Organisation.objects.get(acronym="Inserm")
        ids = [project.pk for project in projects]
        return Project.objects.filter(
            project_institute_q([inserm.pk]), pk__in=ids
        ).exists()
    return any(
        word.lower() in " ".join([project.title, *project.keywords.names()]).lower()
        for project in projects
        for word in FIRST_SEARCHES[query]
    )


def _check(search, engine: str) -> None:
    for query in FIRST_SEARCHES:
        response = search(SearchRequest(query=query, types=["project"]))
        assert not response.degraded, (engine, query)
        projects = _published_found(response)
        assert projects, (engine, query)
        assert _on_topic(query, projects), (engine, query, projects)


def check_first_searches() -> None:
    """The six queries of the "done when" each find a published, on-topic project,
    on the embedded default (SQLite) and on the PostgreSQL fallback."""
    with override_settings(ELASTICSEARCH_URL=""):
        es_reset()
        try:
            _check(lambda request: search_execute(request=request), "postgresql")
        finally:
            es_reset()
    memory = sqlite3.connect(":memory:")
    try:
        sqlite = SqliteBackend(database=memory)
        sqlite.schema_create()
        sqlite.write_text(list(SearchEntry.objects.all()), [])
        _check(sqlite.search, "sqlite")
    finally:
        memory.close()
