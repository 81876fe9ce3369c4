"""Hostile query strings over every public list, filter, feed and export URL: huge
and negative numbers, NUL bytes, broken UTF-8, very long values, `a[]=` arrays,
repeated parameters, SQL and regex metacharacters, impossible dates. Whatever
comes, the answer is below 500."""

import pytest
from django.test import Client

from tests.fuzz.conftest import tally

pytestmark = pytest.mark.django_db

PROJECT_FILTERS = [
    "institute",
    "team",
    "domain",
    "technique",
    "dataset",
    "status",
    "stage",
    "verdict",
    "start_year",
]
# URL → the parameters it reads (besides those every URL gets: page, q, format).
URLS = {
    "/projets/": PROJECT_FILTERS,
    "/organisations/": [],
    "/equipes/": [],
    "/personnes/": [],
    "/jeux-de-donnees/": [],
    "/evaluations/": [],
    "/recherche/": ["sort", "page_size", "search_after", *PROJECT_FILTERS],
    "/recherche/suggestions/": [],
    "/collaborateurs/": [
        "text",
        "domains",
        "techniques",
        "dataset",
        "preferred_institutes",
        "excluded_institutes",
        "project",
        "team",
        "mode",
    ],
    "/appels/": ["domains", "techniques", "dataset", "owner"],
    "/tableau-de-bord/": [*PROJECT_FILTERS, "year_from", "year_to", "indicator"],
    "/tableau-de-bord/projects_by_institute.csv": ["institute", "year_from"],
    "/flux/projets.atom": PROJECT_FILTERS,
    "/flux/evaluations.atom": PROJECT_FILTERS,
    "/donnees/": [],
    "/donnees/utilisations-de-donnees.csv": [],
    "/mes-donnees/": [],
    "/mes-donnees/suggestions/": [],
    "/donnees/projets.csv": [],
    "/donnees/catalogue.jsonld": [],
    "/sitemap.xml": ["p"],
    "/signaler-une-erreur/": ["page"],
    "/api/v1/projects/": [*PROJECT_FILTERS, "expand", "ordering", "cursor"],
    "/api/v1/indicators/": [*PROJECT_FILTERS, "year_from", "year_to"],
    "/api/v1/search/": [
        "sort",
        "page_size",
        "search_after",
        "facets",
        *PROJECT_FILTERS,
    ],
}
COMMON = ["page", "q", "format"]

# Raw, already percent-encoded values: sent exactly as a hostile client would.
HOSTILE_VALUES = [
    "999999999999999999999999999999",
    "-999999999999999999999999999999",
    "-1",
    "1e309",
    "a%00b",
    "%ff%fe%fd",  # not UTF-8
    "%C3%A9%F0%9F%99%82%E2%80%AE",  # é, an emoji, a right-to-left override
    "x" * 5000,
    "%27%20OR%201%3D1%20--",  # ' OR 1=1 --
    ".*%5B(%5C%25_",  # .*[(\%_
    "2024-13-45",
    "%5B%5B%5B%7B%22a%22%3A1%7D",  # [[[{"a":1}
]
# The values most likely to reach a database or a parser, tried on each parameter
# alone (all at once, an invalid form may stop at the first bad field).
PER_PARAMETER = ["999999999999999999999999999999", "a%00b"]


def get(client: Client, url: str, query: str) -> int:
    status = client.get(f"{url}?{query}").status_code
    tally(status)
    return status


@pytest.fixture
def client():
    return Client(raise_request_exception=False)


@pytest.mark.parametrize("url", URLS)
def test_every_parameter_at_once(client, registry, url):
    names = [*COMMON, *URLS[url]]
    failures = []
    for value in HOSTILE_VALUES:
        query = "&".join(f"{name}={value}" for name in names)
        if get(client, url, query) >= 500:
            failures.append(value[:40])
    # Arrays, repeated parameters, empty names and values.
    for query in [
        "&".join(f"{name}[]=1&{name}[]=2" for name in names),
        "&".join(f"{name}=1&{name}=999999999999999999999999999999" for name in names),
        "&".join(f"{name}=" for name in names),
        "=&&=x&%00=1",
    ]:
        if get(client, url, query) >= 500:
            failures.append(query[:60])
    assert not failures, failures


@pytest.mark.parametrize("url", URLS)
def test_each_parameter_alone(client, registry, url):
    failures = [
        (name, value[:40])
        for name in [*COMMON, *URLS[url]]
        for value in PER_PARAMETER
        if get(client, url, f"{name}={value}") >= 500
    ]
    assert not failures, failures
