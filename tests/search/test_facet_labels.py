"""Facet labels are kept by each process (issue 15): a search reads no names once
they are known, and a renamed team shows its new name after the recheck delay."""

import pytest

from search.facet_labels import labels_forget
from search.facets import facets_labelled
from tests.factories import TeamFactory, domain

pytestmark = pytest.mark.django_db


def _labels(team, oncology) -> dict[str, str]:
    facets = facets_labelled(
        {"team": [(str(team.pk), 3)], "domain": [(str(oncology.pk), 2)]},
        {"team": [], "domain": []},
    )
    return {name: values[0].label for name, values in facets.items()}


def test_known_labels_cost_no_query_until_the_data_changes(
    settings, django_assert_num_queries
):
    settings.SEARCH_LABELS_RECHECK_SECONDS = 3600
    labels_forget()
    team, oncology = TeamFactory(acronym="CARDIA"), domain("oncologie")
    first = _labels(team, oncology)
    assert first["team"] == "CARDIA" and first["domain"]
    with django_assert_num_queries(0):
        assert _labels(team, oncology) == first

    team.acronym = "CARDIO"
    team.save()
    # Within the delay the process keeps what it read; at the next check the
    # data version has changed and the labels are read again.
    assert _labels(team, oncology)["team"] == "CARDIA"
    settings.SEARCH_LABELS_RECHECK_SECONDS = 0
    assert _labels(team, oncology)["team"] == "CARDIO"
    labels_forget()


def test_a_value_the_map_lacks_is_read_at_once(settings):
    settings.SEARCH_LABELS_RECHECK_SECONDS = 3600
    labels_forget()
    first, oncology = TeamFactory(acronym="PREMIERE"), domain("oncologie")
    assert _labels(first, oncology)["team"] == "PREMIERE"
    second = TeamFactory(acronym="SECONDE")
    assert _labels(second, oncology)["team"] == "SECONDE"
    labels_forget()
