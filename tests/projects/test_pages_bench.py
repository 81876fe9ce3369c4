"""The pages benchmark (bench/pages.py) measures the home page beside the record
pages, with query counts, on whatever database it runs."""

import pytest

from bench import pages
from tests.factories import OrganisationFactory, ProjectFactory, TeamFactory

pytestmark = pytest.mark.django_db


def test_the_pages_bench_measures_the_home_and_record_pages(client):
    organisations = [OrganisationFactory() for _ in range(4)]
    for organisation in organisations:
        ProjectFactory(lead_organisation=organisation, lead_team=TeamFactory())

    urls = pages.pages_to_measure(sample=1)
    results = pages.measure(urls, rounds=1)
    report = pages.report(projects=4, results=results, command="pages_bench")

    assert list(urls) == ["home", "organisation", "team", "project"]
    assert urls["home"] == ["/"] * pages.HOME_REPEATS
    home = results[0]
    assert len(home.timings_ms) == pages.HOME_REPEATS and min(home.queries) > 0
    assert "| home | 5 | 5 |" in report
