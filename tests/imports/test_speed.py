"""Issue 17, item 11: the bulk import's per-row work. The speed itself depends on
the machine (`manage.py import_bench`, docs/import.md); what a test can pin is the
number of queries a new record costs, which decides it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench.management.commands.import_bench import bench_file
from projects.imports.engine import import_execute
from projects.imports.selectors import record_provenance
from registry.models import Organisation, Person

pytestmark = pytest.mark.django_db

# Savepoint and release, INSERT, the audit log's two, the search outbox's two or
# three (18 for an organisation, 14 for a person before issue 17).
QUERIES_PER_NEW_RECORD = 8


@pytest.mark.parametrize("kind", ["organisations", "people"])
def test_a_new_record_costs_a_constant_handful_of_queries(kind):
    import_execute(files=[bench_file(kind, 5)], kind=kind)  # warm the indexes' tables
    with CaptureQueriesContext(connection) as small:
        import_execute(files=[bench_file(kind, 10)], kind=kind)
    Organisation.objects.all().delete()
    Person.objects.all().delete()
    with CaptureQueriesContext(connection) as large:
        _kind, report = import_execute(files=[bench_file(kind, 60)], kind=kind)
    assert report.counts[kind]["created"] == 60
    per_row = (len(large) - len(small)) / 50
    assert per_row <= QUERIES_PER_NEW_RECORD, per_row


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
