"""Anonymous list pages come from the cache while the data version is unchanged
(portal/core/api/page_cache.py): an edit shows once committed, a signed-in request
never reads the shared cache, and with Redis away the page is computed."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from projects.models import ProjectPartner
from tests.factories import ProjectPartnerFactory, TeamFactory
from tests.factories.scenarios import rich_project

pytestmark = pytest.mark.django_db

URL = "/api/v1/projects/?page_size=50&expand=partners,members,datasets,evaluations"


def roles(response) -> list[str]:
    return [p["role"] for row in response.json()["results"] for p in row["partners"]]


def test_a_repeated_anonymous_page_costs_one_query_and_an_edit_shows_at_once(
    client, django_capture_on_commit_callbacks
):
    project = rich_project()
    first = client.get(URL)
    with CaptureQueriesContext(connection) as queries:
        again = client.get(URL)
    assert again.content == first.content
    assert again["Content-Type"] == first["Content-Type"]
    assert len(queries) == 1, [q["sql"][:80] for q in queries]  # the data version

    with django_capture_on_commit_callbacks(execute=True):
        ProjectPartnerFactory(project=project, team=TeamFactory(), role="clinical")
    assert "clinical" in roles(client.get(URL))


def test_a_signed_in_request_neither_reads_nor_fills_the_shared_cache(
    client, django_user_model
):
    rich_project()
    assert "industrial" not in roles(client.get(URL))  # cached for anonymous
    # An in-place edit the version cannot see (what the timeout bounds).
    ProjectPartner.objects.update(role="industrial")
    assert "industrial" not in roles(client.get(URL))  # proves the cache serves

    user = django_user_model.objects.create_user(username="u", password="x-pw-12345")
    client.force_login(user)
    assert set(roles(client.get(URL))) == {"industrial"}


def test_with_the_cache_down_the_page_is_computed(client, settings):
    from tests.faults.conftest import closed_port, redis_cache_settings

    rich_project()
    expected = client.get(URL).json()
    settings.CACHES = redis_cache_settings(f"redis://127.0.0.1:{closed_port()}/0")
    response = client.get(URL)
    assert response.status_code == 200
    assert response.json() == expected


def _edit(instance, **fields):
    for name, value in fields.items():
        setattr(instance, name, value)
    return instance.save


@pytest.mark.parametrize(
    "write",
    [
        "partner",
        "domain_link",
        "keyword",
        "keyword_name",
        "organisation",
        "team",
        "dataset",
        "person",
        "evaluation",
        "project",
    ],
)
def test_every_write_the_list_shows_changes_the_page(
    client, django_capture_on_commit_callbacks, write
):
    """Each source of the list's rows and expansions is followed: a committed write
    of any of them is served at the next request, not after the cache's timeout."""
    from taggit.models import Tag

    from projects.models import Domain
    from registry.models import Evaluation

    project = rich_project()
    url = URL + ",lead_organisation,lead_team"
    before = client.get(url).json()
    edits = {
        "partner": _edit(project.partners.first(), role="clinical"),
        # A cluster's links are written when the project is saved.
        "domain_link": lambda: project.domains.add(
            Domain.objects.create(name="Domaine ajouté", slug="domaine-ajoute")
        )
        or project.save(),
        "keyword": lambda: project.keywords.add("mot-clé ajouté") or project.save(),
        "keyword_name": _edit(Tag.objects.get(name="dépistage"), name="Dépistage"),
        "organisation": _edit(project.lead_organisation, name="Nouveau nom"),
        "team": _edit(project.lead_team, name="Nouvelle équipe"),
        "dataset": _edit(project.dataset_uses.first().dataset, name="Nouvelle base"),
        "person": _edit(project.members.first().person, last_name="Nouveau"),
        "evaluation": Evaluation.objects.public().filter(project=project)[0].delete,
        "project": _edit(project, live=False),
    }
    with django_capture_on_commit_callbacks(execute=True):
        edits[write]()
    assert client.get(url).json() != before
