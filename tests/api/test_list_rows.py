"""The project list computed from plain rows (portal/core/api/list_rows.py) gives the
same bytes as `ProjectSerializer` over model instances, and as the cached page:
every field, expansion, null and ordering, in French and in English."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone
from rest_framework.renderers import JSONRenderer

from projects.api.list_rows import ProjectListRows
from projects.api.views import ProjectViewSet
from projects.models import ProjectPublication
from tests.factories import ProjectFactory
from tests.factories.scenarios import rich_project

pytestmark = pytest.mark.django_db

EVERY_EXPANSION = (
    "lead_organisation,lead_team,partners,members,datasets,evaluations,"
    "fundings,publications"
)
PAGES = [
    "/api/v1/projects/?page_size=50&expand=" + EVERY_EXPANSION,
    # Expansions in another order: the added keys follow the request's order.
    "/api/v1/projects/?page_size=50&expand=publications,members,lead_team",
    "/api/v1/projects/?page_size=2&ordering=-updated_at",
    "/api/v1/projects/?domain=oncologie&expand=partners",
]


@pytest.fixture
def projects():
    first = rich_project(
        title_en="A project",
        first_published_at=timezone.make_aware(datetime.datetime(2025, 7, 1, 9)),
    )
    rich_project(start_date=None, end_date=None, ce_class="IIa")
    ProjectPublication.objects.create(
        project=first, title="Un autre article", year=2024, hal_id="hal-01234567"
    )
    ProjectFactory(lead_team=None, title="Sans équipe")  # nulls, no relations
    ProjectFactory(live=False)  # never shown


def serializer_body(client, url: str, **headers) -> bytes:
    """The page as the DRF serializer builds it, from model instances."""
    ProjectViewSet.list_rows = None
    try:
        cache.clear()
        return client.get(url, **headers).content
    finally:
        ProjectViewSet.list_rows = ProjectListRows()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_rows_computed_cached_and_serialized_are_the_same_bytes(
    client, projects, language
):
    headers = {"HTTP_ACCEPT_LANGUAGE": language}
    for url in PAGES:
        cache.clear()
        computed = client.get(url, **headers)
        assert computed.status_code == 200, computed.content[:300]
        cached = client.get(url, **headers)  # served from the page cache
        assert computed.content == cached.content, url
        assert computed.content == serializer_body(client, url, **headers), url
    page = client.get(PAGES[0], **headers).json()["results"]
    assert len(page) == 3
    assert {row["lead_team"] is None for row in page} == {True, False}


def test_the_rows_path_reads_a_fixed_number_of_queries(
    client, projects, django_assert_max_num_queries
):
    client.get(PAGES[0])
    cache.clear()
    # The data version, the page (leads joined in), one statement for its terms,
    # keywords, partners, members, datasets and evaluations, and one each for
    # fundings (amounts shown as text) and publications (URLs computed).
    with django_assert_max_num_queries(5):
        client.get(PAGES[0])


def test_the_one_statement_and_the_per_list_queries_agree(projects, monkeypatch):
    """PostgreSQL shapes the lists in one statement (portal/core/api/rows_json.py);
    other databases read them one query each: same rows, same order."""
    from portal.core.api import rows_json
    from projects.api.list_rows import RELATED_ROWS, TERM_LISTS
    from projects.models import Project

    loaders = {**TERM_LISTS, **RELATED_ROWS}
    ids = list(Project.objects.values_list("pk", flat=True))
    together = rows_json.load_together(loaders, ids)
    monkeypatch.setattr(rows_json, "can_load_together", lambda loader, alias: False)
    one_by_one = rows_json.load_together(loaders, ids)

    def as_text(lists: dict) -> bytes:  # as rendered (a date is text either way)
        return JSONRenderer().render(dict(sorted(lists.items())))

    for name in loaders:
        assert as_text(together[name]) == as_text(one_by_one[name]), name
    assert sum(len(rows) for rows in together["partners"].values()) == 6
