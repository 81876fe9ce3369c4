"""`search_index rebuild` says, per type, how many documents it indexed, in how
long and at what rate (issue 15: the figure the indexing benchmark reads)."""

import re
from io import StringIO

import pytest
from django.core.management import call_command

from registry.models import Organisation
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_rebuild_reports_each_type_with_its_count_and_rate(search_engine):
    OrganisationFactory.create_batch(3)
    out = StringIO()
    call_command("search_index", "rebuild", "--type", "organisation", stdout=out)
    line = re.search(
        r"organisation: index (\S+) en service \((\d+) documents en [\d.]+ s, "
        r"\d+ docs/s\)",
        out.getvalue(),
    )
    assert line, out.getvalue()
    assert int(line.group(2)) == Organisation.objects.count()
    assert search_engine.count(index=line.group(1))["count"] == int(line.group(2))
