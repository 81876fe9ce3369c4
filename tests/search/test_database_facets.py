"""The database engines' facets: PostgreSQL counts them in one statement exactly as
the pairs counted in Python (SQLite's way) count them, and labels them in one query."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search.backends import project_facets
from search.facet_labels import label_map, labels_forget
from search.facets import _labels, facets_labelled
from search.models import SearchEntry

pytestmark = pytest.mark.django_db


def _non_zero(counts: dict) -> dict:
    return {
        name: sorted(pair for pair in pairs if pair[1])
        for name, pairs in counts.items()
        if any(count for _value, count in pairs)
    }


def _project_ids() -> set[int]:
    return set(
        SearchEntry.objects.filter(search_type="project").values_list(
            "object_id", flat=True
        )
    )


def test_postgresql_counts_facets_as_the_pairs_do(indexed_scene):
    ids = _project_ids()
    unfiltered, _passing = project_facets.project_facet_counts(ids, {})
    institute = max(unfiltered["institute"], key=lambda pair: pair[1])[0]
    domain = max(unfiltered["domain"], key=lambda pair: pair[1])[0]
    for filters in (
        {},
        {"institute": [institute]},
        {"institute": [institute], "domain": [domain, "999999"]},
        {"stage": ["research", "deployed"], "status": ["active"]},
        {"nothing": ["1"]},
    ):
        counts, passing = project_facets.project_facet_counts(ids, filters)
        expected, expected_passing = project_facets._counts_from_pairs(
            project_facets.project_facet_pairs(ids), ids, filters
        )
        assert _non_zero(counts) == _non_zero(expected), filters
        assert passing == expected_passing, filters
    assert (
        0
        < len(project_facets.project_facet_counts(ids, {"institute": [institute]})[1])
        < len(ids)
    )


def test_facet_labels_come_in_one_query(indexed_scene, settings):
    ids = _project_ids()
    counts, _passing = project_facets.project_facet_counts(ids, {})
    # The labels' version read first (search/facet_labels.py), then kept a while.
    settings.SEARCH_LABELS_RECHECK_SECONDS = 3600
    labels_forget()
    label_map()
    with CaptureQueriesContext(connection) as queries:
        labelled = facets_labelled(counts, {"status": ["active"]})
    assert len(queries) == 1
    with CaptureQueriesContext(connection) as queries:
        assert facets_labelled(counts, {"status": ["active"]}) == labelled
    assert len(queries) == 0
    labels_forget()
    for name in ("institute", "team", "domain", "technique", "dataset"):
        assert labelled[name], name
        values = [value.value for value in labelled[name]]
        assert {value.value: value.label for value in labelled[name]} == _labels(
            name, values
        )
