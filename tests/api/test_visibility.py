"""Drafts, unpublished evaluations and private person fields never appear in any
API response, export or feed: one parametrised test over every public endpoint."""

import datetime
from types import SimpleNamespace

import pytest
from django.urls import reverse

from portal.opendata.resources import FORMATS, RESOURCES
from projects.models import ProjectMember
from tests.factories import (
    DatasetFactory,
    EvaluationFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    ProjectDatasetFactory,
    ProjectFactory,
    ProjectPartnerFactory,
    TeamFactory,
)

pytestmark = pytest.mark.django_db

DRAFT_TITLE = "Brouillon confidentiel de dépistage"
DRAFT_SLUG = "secret-draft"
HIDDEN_REFERENCE = "inesia-hidden-0001"
DRAFT_EVALUATION = "inesia-draft-0001"
SECRET_EMAIL = "ne.jamais.publier@example.org"
FORBIDDEN = [DRAFT_TITLE, DRAFT_SLUG, HIDDEN_REFERENCE, DRAFT_EVALUATION, SECRET_EMAIL]


@pytest.fixture
def scene(django_user_model):
    """Public records tied to a draft project, a published project with an
    unpublished evaluation, and a person with an e-mail address and an account."""
    organisation = OrganisationFactory(ror_id="02vjkv261")
    team = TeamFactory(parents=[organisation], rnsr="200918472W")
    person = PersonFactory(
        email=SECRET_EMAIL,
        orcid="0000-0002-1825-0097",
        user=django_user_model.objects.create_user(username="compte-prive"),
    )
    MembershipFactory(person=person, team=team)
    dataset = DatasetFactory(producer=organisation)

    draft = ProjectFactory(
        title=DRAFT_TITLE,
        slug=DRAFT_SLUG,
        live=False,
        lead_organisation=organisation,
        lead_team=team,
    )
    ProjectPartnerFactory(project=draft, team=TeamFactory(parents=[organisation]))
    ProjectDatasetFactory(project=draft, dataset=dataset)
    ProjectMember.objects.create(project=draft, person=person, role="pi")
    EvaluationFactory(project=draft, reference=DRAFT_EVALUATION)

    public = ProjectFactory(lead_organisation=organisation, lead_team=team)
    ProjectDatasetFactory(project=public, dataset=dataset)
    ProjectMember.objects.create(project=public, person=person, role="pi")
    published = EvaluationFactory(project=public)
    EvaluationFactory(
        project=public,
        reference=HIDDEN_REFERENCE,
        status="completed",
        published_on=None,
        completed_on=datetime.date(2025, 6, 1),
    )
    return {
        "organisation": organisation,
        "team": team,
        "person": person,
        "dataset": dataset,
        "public": public,
        "evaluation": published,
    }


ALL_EXPANSIONS = {
    "organisations": "parent,children",
    "teams": "parents,lead,members",
    "people": "memberships,projects",
    "datasets": "producer,projects",
    "projects": (
        "lead_organisation,lead_team,partners,members,datasets,evaluations,"
        "fundings,publications"
    ),
    "evaluations": "project,evaluator",
    "domains": "",
    "techniques": "",
}


def endpoint_urls(scene) -> dict[str, str]:
    urls = {}
    for resource, expand in ALL_EXPANSIONS.items():
        urls[f"api-{resource}-list"] = (
            f"/api/v1/{resource}/?page_size=100&expand={expand}"
        )
    details = {
        "organisations": scene["organisation"].slug,
        "teams": scene["team"].slug,
        "people": scene["person"].slug,
        "datasets": scene["dataset"].slug,
        "projects": scene["public"].slug,
        "evaluations": scene["evaluation"].reference,
    }
    for resource, key in details.items():
        expand = ALL_EXPANSIONS[resource]
        urls[f"api-{resource}-detail"] = f"/api/v1/{resource}/{key}/?expand={expand}"
    for resource in ("organisations", "people", "datasets", "projects"):
        urls[f"api-{resource}-jsonld"] = (
            f"/api/v1/{resource}/{details[resource]}/?format=jsonld"
        )
    urls.update(
        {
            "api-ror": "/api/v1/organisations/ror/02vjkv261/?expand=children",
            "api-rnsr": "/api/v1/teams/rnsr/200918472W/?expand=members",
            "api-orcid": "/api/v1/people/orcid/0000-0002-1825-0097/?expand=projects",
            "api-card": f"/api/v1/evaluations/{scene['evaluation'].reference}/card/",
            "api-project-filter": "/api/v1/projects/?status=active&stage=research",
            "open-data-page": reverse("opendata:index"),
            "dcat": reverse("opendata:catalogue"),
            "feed-projects": reverse("opendata:project_feed"),
            "feed-evaluations": reverse("opendata:evaluation_feed"),
        }
    )
    for name in RESOURCES:
        for fmt in FORMATS:
            urls[f"export-{name}-{fmt}"] = reverse(
                "opendata:export", kwargs={"resource": name, "fmt": fmt}
            )
    return urls


# The names only: slugs stand in for records made inside each test.
_PLACEHOLDER = SimpleNamespace(slug="x", reference="x")
ENDPOINT_NAMES = sorted(
    endpoint_urls(
        {
            key: _PLACEHOLDER
            for key in (
                "organisation",
                "team",
                "person",
                "dataset",
                "public",
                "evaluation",
            )
        }
    )
)


def body_of(response) -> str:
    content = (
        b"".join(response.streaming_content) if response.streaming else response.content
    )
    return content.decode()


@pytest.mark.parametrize("name", ENDPOINT_NAMES)
def test_no_draft_unpublished_evaluation_or_email_anywhere(client, scene, name):
    url = endpoint_urls(scene)[name]
    response = client.get(url)
    assert response.status_code == 200, (url, response.content[:300])
    body = body_of(response)
    for secret in FORBIDDEN:
        assert secret not in body, (url, secret)
    assert '"email"' not in body and '"user"' not in body


def test_the_public_records_are_there_so_the_test_above_has_teeth(client, scene):
    body = body_of(client.get("/api/v1/projects/?expand=evaluations,members"))
    assert scene["public"].slug in body
    assert scene["evaluation"].reference in body
    assert scene["person"].slug in body


@pytest.mark.parametrize(
    "url",
    [
        f"/api/v1/projects/{DRAFT_SLUG}/",
        f"/api/v1/projects/{DRAFT_SLUG}/?format=jsonld",
        f"/api/v1/evaluations/{HIDDEN_REFERENCE}/",
        f"/api/v1/evaluations/{HIDDEN_REFERENCE}/card/",
        f"/api/v1/evaluations/{DRAFT_EVALUATION}/",
        f"/api/v1/evaluations/{DRAFT_EVALUATION}/card/",
    ],
)
def test_unpublished_records_are_not_found(client, scene, url):
    response = client.get(url)
    assert response.status_code == 404
    assert response.json()["errors"][0]["code"] == "not_found"


def test_even_a_member_reads_only_published_data(client, scene):
    client.force_login(scene["person"].user)
    assert client.get(f"/api/v1/projects/{DRAFT_SLUG}/").status_code == 404
    assert DRAFT_SLUG not in body_of(client.get("/api/v1/projects/"))
