"""Issue 17, item 11: the bulk import writes in batches. The speed itself depends on
the machine (`manage.py import_bench`, docs/import.md); what a test can pin is the
number of queries an import costs, which decides it: a constant per batch of rows,
never a query per row."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench.management.commands.import_bench import bench_file
from projects.imports import batch
from projects.imports.engine import import_execute
from projects.imports.selectors import record_provenance
from registry.models import Organisation, Person
from search.client import es_reset
from tests.imports.conftest import csv_file

pytestmark = pytest.mark.django_db

# A batch of new records: bulk INSERT, the audit log's INSERT, the search outbox's
# dependency reads and INSERT, a savepoint and its release (per row before issue 17:
# 18 queries for an organisation, 14 for a person; 7 after a first optimisation).
QUERIES_PER_BATCH = 10


@pytest.mark.parametrize("kind", ["organisations", "people"])
def test_queries_grow_with_batches_not_with_rows(kind, settings, monkeypatch):
    settings.ELASTICSEARCH_URL = settings.ELASTICSEARCH_URL or "http://127.0.0.1:9"
    # Whatever an earlier test left of the engine's health: probe it afresh, so the
    # database engine's entries are not refreshed here for an engine thought down.
    es_reset()
    monkeypatch.setattr(batch, "BATCH_SIZE", 20)
    import_execute(files=[bench_file(kind, 5)], kind=kind)  # warm the indexes' tables
    with CaptureQueriesContext(connection) as one_batch:
        import_execute(files=[bench_file(kind, 10)], kind=kind)
    Organisation.objects.all().delete()
    Person.objects.all().delete()
    with CaptureQueriesContext(connection) as four_batches:
        _kind, report = import_execute(files=[bench_file(kind, 80)], kind=kind)
    assert report.counts[kind]["created"] == 80
    extra = len(four_batches) - len(one_batch)
    assert extra <= 3 * QUERIES_PER_BATCH, extra  # 70 more rows, 3 more batches


def test_bulk_provenance_and_slugs_are_those_of_a_row_by_row_import():
    Organisation.objects.create(name="Laboratoire de référence 0")  # slug taken
    _kind, report = import_execute(
        files=[bench_file("organisations", 3)], kind="organisations"
    )
    assert report.counts["organisations"]["created"] == 3
    created = Organisation.objects.filter(city__startswith="Ville").order_by("pk")
    assert [o.slug for o in created] == [
        "laboratoire-de-reference-0-2",
        "laboratoire-de-reference-1",
        "laboratoire-de-reference-2",
    ]
    for organisation in created:
        assert record_provenance(record=organisation).file_name == (
            "bench-organisations.csv"
        )


def test_a_people_reimport_reads_teams_keywords_and_uniques_once_not_per_row():
    from tests.factories import TeamFactory

    TeamFactory(name="Équipe Aramis", acronym="Aramis")
    lines = bench_file("people", 60).content.decode().splitlines()
    header, rows = lines[0] + ",team,role,expertise", lines[1:]

    def people(count):
        text = "\n".join([header, *(f"{r},Aramis,head,imagerie" for r in rows[:count])])
        return csv_file("p.csv", text)

    import_execute(files=[people(60)], kind="people")
    with CaptureQueriesContext(connection) as few:
        import_execute(files=[people(10)], kind="people")
    with CaptureQueriesContext(connection) as many:
        _kind, report = import_execute(files=[people(60)], kind="people")
    assert report.counts["people"]["unchanged"] == 60
    assert len(many) - len(few) <= 2, len(many) - len(few)  # 50 more rows
