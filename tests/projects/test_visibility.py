"""A draft is invisible on every public page, in the sitemap and in listings of
related records; unpublished evaluations likewise. `Project.objects.public()` and
`Evaluation.objects.public()` are the one place that decides."""

import datetime

import pytest
from django.urls import reverse

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


@pytest.fixture
def draft_scene():
    """A draft project attached to a team, a person, a dataset and an organisation that
    are themselves public, plus its (published-status) evaluation."""
    organisation = OrganisationFactory(name="Institut public")
    team = TeamFactory(parents=[organisation])
    person = PersonFactory()
    MembershipFactory(person=person, team=team)
    dataset = DatasetFactory(producer=organisation)
    draft = ProjectFactory(
        title=DRAFT_TITLE,
        acronym="SECRET",
        live=False,
        lead_organisation=organisation,
        lead_team=team,
    )
    ProjectPartnerFactory(project=draft, team=TeamFactory(parents=[organisation]))
    ProjectDatasetFactory(project=draft, dataset=dataset)
    draft.members.create(person=person, role="pi")
    draft.save()
    evaluation = EvaluationFactory(project=draft, reference="inesia-draft-0001")
    return {
        "draft": draft,
        "organisation": organisation,
        "team": team,
        "person": person,
        "dataset": dataset,
        "evaluation": evaluation,
    }


def public_urls(scene) -> list[str]:
    return [
        "/",
        "/en/",
        reverse("projects:project_list"),
        reverse("projects:project_list") + "?status=active",
        reverse("registry:organisation_detail", args=[scene["organisation"].slug]),
        reverse("registry:team_detail", args=[scene["team"].slug]),
        reverse("registry:person_detail", args=[scene["person"].slug]),
        reverse("registry:dataset_detail", args=[scene["dataset"].slug]),
        reverse("registry:dataset_list"),
        reverse("registry:evaluation_list"),
        "/sitemap.xml",
    ]


def test_a_draft_appears_on_no_public_page(client, draft_scene):
    for url in public_urls(draft_scene):
        response = client.get(url)
        assert response.status_code == 200, url
        content = response.content.decode()
        assert DRAFT_TITLE not in content, url
        assert "SECRET" not in content, url
        assert draft_scene["draft"].slug not in content, url
        assert "inesia-draft-0001" not in content, url


def test_a_draft_and_its_evaluation_have_no_page(client, draft_scene):
    draft_url = reverse("projects:project_detail", args=[draft_scene["draft"].slug])
    assert client.get(draft_url).status_code == 404
    assert client.get(draft_scene["evaluation"].get_absolute_url()).status_code == 404


def test_publishing_makes_the_project_visible_everywhere(client, draft_scene):
    draft = draft_scene["draft"]
    draft.save_revision().publish()
    assert client.get(draft.get_absolute_url()).status_code == 200
    team_page = client.get(
        reverse("registry:team_detail", args=[draft_scene["team"].slug])
    )
    assert DRAFT_TITLE in team_page.content.decode()
    assert draft.get_absolute_url() in client.get("/sitemap.xml").content.decode()


def test_unpublished_changes_to_a_live_project_stay_private(client):
    project = ProjectFactory(title="Titre publié", live=False)
    project.save_revision().publish()
    project.title = "Titre en cours de relecture"
    project.save_revision()  # a draft revision: the live row keeps the published title
    content = client.get(project.get_absolute_url()).content.decode()
    assert "Titre publié" in content
    assert "Titre en cours de relecture" not in content


@pytest.mark.parametrize("status", ["requested", "in_progress", "completed"])
def test_evaluations_not_yet_published_stay_private(client, status):
    project = ProjectFactory()
    evaluation = EvaluationFactory(
        project=project,
        status=status,
        reference=f"inesia-{status}",
        published_on=None,
        requested_on=datetime.date(2025, 1, 1),
    )
    assert client.get(evaluation.get_absolute_url()).status_code == 404
    for url in [project.get_absolute_url(), reverse("registry:evaluation_list")]:
        assert evaluation.reference not in client.get(url).content.decode()


def test_person_email_is_never_shown(client):
    person = PersonFactory(email="ne-pas-publier@example.org")
    MembershipFactory(person=person)
    project = ProjectFactory()
    project.members.create(person=person, role="pi")
    project.save()
    for url in [
        person.get_absolute_url(),
        reverse("registry:person_list"),
        project.get_absolute_url(),
    ]:
        assert "ne-pas-publier" not in client.get(url).content.decode()
