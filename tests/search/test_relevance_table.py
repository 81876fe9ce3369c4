"""One table of relevance cases, run on the three engines over the same data.

Elasticsearch answers from indexes of its own; PostgreSQL from the stored, indexed
vector of the test database's search entries; SQLite from an FTS5 table in an
in-memory sqlite3 database, filled by the SQLite backend's own indexing code from
the same entries (pytest runs on PostgreSQL: the SQLite backend keeps its text
in any sqlite3 connection, and reads order and display from the entries, so this is
the code `make run` executes, on the same rows).

A case passes when one of its expected results is among the first three (hits@3).
Targets: Elasticsearch finds every case; PostgreSQL and SQLite find at least 90 %
of what Elasticsearch finds. The table per engine and category is printed at the
end of the run and written to test-artifacts/relevance.md.
"""

import sqlite3
import uuid
from collections import defaultdict
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings

from search.backends.elasticsearch import ElasticsearchBackend
from search.backends.postgres import PostgresBackend
from search.backends.sqlite import SqliteBackend
from search.client import es_reset
from search.contract import SearchRequest
from search.models import SearchEntry
from tests.conftest import _drop_indexes, _engine_or_skip, rebuild_all

pytestmark = pytest.mark.django_db

INSERM = ("RETINA", "NEUROVASC", "MAMMO", "DIABCO", "EDSCAN", "ALZVOX", "LIC", "Inserm")
INRIA = (
    "GENOUIRM",
    "CARDIRM",
    "CRTEXT",
    "SEPREA",
    "CODAGE",
    "BPCOTEL",
    "LINC",
    "Inria",
)
ALL = None  # every type

# (category, query, expected labels or acronyms — any of them in the top 3, types)
CASES = [
    ("accents", "retinopathie", ("RETINA",), ["project"]),
    ("accents", "rétinopathie", ("RETINA",), ["project"]),
    ("accents", "RÉTINOPATHIE DIABÉTIQUE", ("RETINA",), ["project"]),
    ("accents", "accident vasculaire cerebral", ("NEUROVASC",), ["project"]),
    ("accents", "cerebraux", ("NEUROVASC",), ["project"]),
    ("accents", "telesurveillance", ("BPCOTEL",), ["project"]),
    ("accents", "melanome", ("MELANO",), ["project"]),
    ("accents", "electrocardiogramme", ("FIBRA",), ["project"]),
    ("plurals", "rétinopathies", ("RETINA",), ["project"]),
    ("plurals", "accidents vasculaires cérébraux", ("NEUROVASC",), ["project"]),
    ("plurals", "cohorte diabetique", ("DIABCO",), ["project"]),
    ("plurals", "mélanomes", ("MELANO",), ["project"]),
    ("plurals", "cancers du sein", ("MAMMO",), ["project"]),
    ("plurals", "compte rendu", ("CRTEXT",), ["project"]),
    ("plurals", "séjour hospitalier", ("CODAGE",), ["project"]),
    ("acronyms", "AVC", ("NEUROVASC",), ["project"]),
    ("acronyms", "avc", ("NEUROVASC",), ["project"]),
    ("acronyms", "IRM", ("NEUROVASC", "GENOUIRM", "CARDIRM"), ["project"]),
    ("acronyms", "imagerie par résonance magnétique", ("GENOUIRM",), ["project"]),
    ("acronyms", "EDS", ("EDSCAN",), ["project"]),
    ("acronyms", "entrepot de donnees de sante", ("EDSCAN",), ["project"]),
    ("acronyms", "BPCO", ("BPCOTEL",), ["project"]),
    ("acronyms", "bronchopneumopathie chronique obstructive", ("BPCOTEL",), None),
    ("acronyms", "ECG", ("FIBRA",), ["project"]),
    ("acronyms", "TAL", ("CRTEXT",), ["project"]),
    ("acronyms", "mammo", ("MAMMO",), ALL),
    ("synonyms", "deep learning", ("MAMMO", "PATHNUM"), ["project"]),
    ("synonyms", "NLP", ("CRTEXT",), ["project"]),
    ("synonyms", "stroke", ("NEUROVASC",), ["project"]),
    ("synonyms", "fibrillation auriculaire", ("FIBRA",), ["project"]),
    ("synonyms", "septicémie", ("SEPREA",), ["project"]),
    ("synonyms", "choc septique", ("SEPREA",), ["project"]),
    ("synonyms", "anatomopathologie", ("PATHNUM",), ["project"]),
    ("synonyms", "tumeur du sein", ("MAMMO",), ["project"]),
    ("synonyms", "clinical data warehouse", ("EDSCAN",), ["project"]),
    ("synonyms", "heart failure", ("INSUCARD",), ["project"]),
    ("synonyms", "maladie d'Alzheimer", ("ALZVOX",), ["project"]),
    ("typos", "rétinopatie", ("RETINA",), ["project"]),
    ("typos", "retinopatie diabetique", ("RETINA",), ["project"]),
    ("typos", "mamographie", ("MAMMO",), ["project"]),
    ("typos", "réanimtion sepsis", ("SEPREA",), ["project"]),
    ("typos", "fibrilation atriale", ("FIBRA",), ["project"]),
    ("typos", "télésurveilance", ("BPCOTEL",), ["project"]),
    ("typos", "mélanomme", ("MELANO",), ["project"]),
    ("typos", "hospitalisaton", ("CRTEXT",), ["project"]),
    ("english", "diabetic retinopathy", ("RETINA",), ["project"]),
    ("english", "breast cancer screening", ("MAMMO",), ["project"]),
    ("english", "atrial fibrillation", ("FIBRA",), ["project"]),
    ("english", "alzheimer speech", ("ALZVOX",), ["project"]),
    ("english", "digital pathology", ("PATHNUM",), ["project"]),
    ("english", "prostate biopsies", ("PATHNUM",), ["project"]),
    ("english", "acute stroke imaging", ("NEUROVASC",), ["project"]),
    ("multi-word", "dépistage rétinopathie soins primaires", ("RETINA",), ["project"]),
    ("multi-word", "IRM diffusion urgence", ("NEUROVASC",), ["project"]),
    (
        "multi-word",
        "alerte précoce choc septique réanimation",
        ("SEPREA",),
        ["project"],
    ),
    ("multi-word", "codage automatique des séjours", ("CODAGE",), ["project"]),
    ("multi-word", "segmentation ménisques genou", ("GENOUIRM",), ["project"]),
    ("multi-word", "exacerbations bpco domicile", ("BPCOTEL",), ["project"]),
    ("multi-word", "marqueurs vocaux déclin cognitif", ("ALZVOX",), ["project"]),
    # Four words, one unknown: three quarters of them are enough.
    ("multi-word", "rétinopathie diabétique zorglub photographies", ("RETINA",), None),
    ("identifiers", "CIM-10", ("CODAGE",), ["project"]),
    ("identifiers", "CIM10", ("CODAGE",), ["project"]),
    ("identifiers", "cim 10", ("CODAGE",), ["project"]),
    ("identifiers", "ICD-10", ("CODAGE",), ["project"]),
    ("identifiers", "PMSI", ("CODAGE",), ["project"]),
    ("identifiers", "SNDS", ("SNDS",), ALL),
    ("organisations", "Inserm", INSERM, ALL),
    ("organisations", "INESIA", ("INESIA",), ["organisation"]),
    ("organisations", "Inserm", ("Inserm",), ["organisation"]),
    (
        "organisations",
        "institut national recherche numerique",
        ("Inria",),
        ["organisation"],
    ),
    ("organisations", "inria", INRIA, ALL),
    ("organisations", "institut national de la santé", INSERM, ALL),
    ("organisations", "laboratoire imagerie cerebrale", ("LIC",), ["team"]),
    ("organisations", "elodie dupre", ("Élodie Dupré",), ALL),
]
ENGINES = ("elasticsearch", "postgresql", "sqlite")
ARTIFACT = Path(settings.BASE_DIR) / "test-artifacts" / "relevance.md"


@pytest.fixture(scope="module")
def engines(django_db_setup, django_db_blocker):
    """The relevance scene, committed once, in the three engines."""
    _engine_or_skip()
    from tests.search.relevance_scene import (
        build_relevance_scene,
        delete_relevance_scene,
    )

    prefix = f"test-{uuid.uuid4().hex[:10]}"
    memory = sqlite3.connect(":memory:")
    with override_settings(SEARCH_INDEX_PREFIX=prefix), django_db_blocker.unblock():
        es_reset()
        scene = build_relevance_scene()
        try:
            rebuild_all()
            postgres = PostgresBackend()
            postgres.rebuild()
            sqlite = SqliteBackend(database=memory)
            sqlite.schema_create()
            sqlite.write_text(list(SearchEntry.objects.all()), [])
            yield {
                "elasticsearch": ElasticsearchBackend(),
                "postgresql": postgres,
                "sqlite": sqlite,
            }
        finally:
            SearchEntry.objects.all().delete()
            delete_relevance_scene(scene)
            _drop_indexes(prefix)
            es_reset()
            memory.close()


def top3(backend, query: str, types) -> list[str]:
    response = backend.search(SearchRequest(query=query, types=types or []))
    return [hit.label for hit in response.hits[:3]]


def found(labels: list[str], expected: tuple[str, ...]) -> bool:
    return any(
        label == wanted
        or label.split(" – ")[0] == wanted
        or label.endswith(f"({wanted})")  # an organisation: "Name (ACRONYM)"
        for label in labels
        for wanted in expected
    )


def test_the_relevance_table_on_every_engine(engines):
    results = {
        engine: {
            query: found(top3(backend, query, types), expected)
            for _category, query, expected, types in CASES
        }
        for engine, backend in engines.items()
    }
    table = relevance_table(results)
    ARTIFACT.parent.mkdir(exist_ok=True)
    ARTIFACT.write_text(table, encoding="utf-8")
    RELEVANCE_REPORT.append(table)

    assert len(CASES) >= 60
    reference = {q for q, hit in results["elasticsearch"].items() if hit}
    assert reference == {query for _c, query, _e, _t in CASES}, table
    for engine in ("postgresql", "sqlite"):
        shared = {q for q in reference if results[engine][q]}
        assert len(shared) >= 0.9 * len(reference), table


def relevance_table(results: dict[str, dict[str, bool]]) -> str:
    by_category: dict[str, list[str]] = defaultdict(list)
    for category, query, _expected, _types in CASES:
        by_category[category].append(query)
    lines = [
        "# Relevance: hits@3 per engine and category",
        "",
        "| category | cases | " + " | ".join(ENGINES) + " |",
        "|---|---|" + "---|" * len(ENGINES),
    ]
    for category, queries in [*by_category.items(), ("all", [c[1] for c in CASES])]:
        cells = [
            f"{sum(results[e][q] for q in queries)}/{len(queries)}" for e in ENGINES
        ]
        lines.append(f"| {category} | {len(queries)} | " + " | ".join(cells) + " |")
    lines += ["", "Misses:", ""]
    for engine in ENGINES:
        misses = [q for q, hit in results[engine].items() if not hit]
        lines.append(f"- {engine}: " + (", ".join(f"“{q}”" for q in misses) or "none"))
    return "\n".join(lines) + "\n"


# Filled by the test above, printed by tests/search/conftest.py at the end of the run.
RELEVANCE_REPORT: list[str] = []


@pytest.mark.parametrize("engine", ENGINES)
def test_an_exact_title_phrase_ranks_above_a_synonym(engines, engine):
    labels = top3(engines[engine], "imagerie par résonance magnétique", ["project"])
    assert labels[0].startswith("GENOUIRM"), labels


@pytest.mark.parametrize("engine", ENGINES)
def test_drafts_are_never_found(engines, engine):
    for query in ("xylophonique", "SECRETUM", "brouillon confidentiel"):
        assert engines[engine].search(SearchRequest(query=query)).hits == []


@pytest.mark.parametrize("engine", ENGINES)
def test_what_autocomplete_suggests_the_search_finds(engines, engine):
    backend = engines[engine]
    suggestions = backend.suggest("reti", size=8)
    assert [hit.label for hit in suggestions if hit.type == "project"][:1] == [
        "RETINA – Dépistage de la rétinopathie diabétique sur photographies du "
        "fond d’œil"
    ]
    for hit in suggestions:
        assert hit.label in top3(backend, hit.label, None), hit.label
