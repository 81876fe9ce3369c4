"""Draft writes: members create and edit drafts, editors edit everything, nobody
publishes through the API, and bad payloads store nothing."""

import json

import pytest
from rest_framework.authtoken.models import Token
from wagtail.models import Revision

from projects.models import Project, ProjectMember
from tests.factories import OrganisationFactory, PersonFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def post(client, data, **extra):
    return client.post(
        "/api/v1/projects/", json.dumps(data), content_type="application/json", **extra
    )


def patch(client, slug, data, **extra):
    return client.patch(
        f"/api/v1/projects/{slug}/",
        json.dumps(data),
        content_type="application/json",
        **extra,
    )


@pytest.fixture
def payload():
    organisation = OrganisationFactory(ror_id="02vjkv261")
    return {
        "title": "Détection précoce du sepsis",
        "summary": "Un modèle d’alerte précoce aux urgences.",
        "lead_organisation": "ror:02vjkv261",
        "domains": ["oncologie"],
        "techniques": ["apprentissage-profond"],
        "keywords": ["sepsis", "urgences"],
        "start_date": "2025-01-01",
        "end_date": "2027-12-31",
        "description": "Premier paragraphe.\n\n<script>alert(1)</script>",
        "_organisation": organisation.slug,
    }


def stored() -> tuple[int, int]:
    return Project.objects.count(), Revision.objects.count()


def test_a_researcher_creates_a_draft_that_stays_private(client, researcher, payload):
    client.force_login(researcher)
    response = post(client, payload)
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["live"] is False and body["revision"]
    project = Project.objects.get(slug=body["slug"])
    assert not project.live
    assert project.latest_revision is not None
    assert project.members.filter(person__user=researcher).exists()
    assert sorted(project.keywords.names()) == ["sepsis", "urgences"]
    assert "<script>" not in project.description
    client.logout()
    assert client.get(f"/api/v1/projects/{project.slug}/").status_code == 404


def test_editing_a_published_project_saves_a_revision_only(client, researcher):
    project = ProjectFactory(title="Titre publié")
    ProjectMember.objects.create(project=project, person=researcher.person, role="pi")
    client.force_login(researcher)
    response = patch(client, project.slug, {"title": "Titre proposé"})
    assert response.status_code == 200, response.content
    assert response.json()["title"] == "Titre proposé"
    project.refresh_from_db()
    assert project.title == "Titre publié" and project.live
    assert project.has_unpublished_changes
    assert project.latest_revision.as_object().title == "Titre proposé"
    public = client.get(f"/api/v1/projects/{project.slug}/").json()
    assert public["title"] == "Titre publié"


def test_a_researcher_cannot_edit_someone_elses_project(client, researcher):
    project = ProjectFactory()
    draft = ProjectFactory(live=False)
    client.force_login(researcher)
    assert patch(client, project.slug, {"title": "Piratage"}).status_code == 404
    assert patch(client, draft.slug, {"title": "Piratage"}).status_code == 404
    project.refresh_from_db()
    assert project.title != "Piratage" and project.latest_revision is None


def test_editors_edit_every_project_and_never_publish(client, editor):
    draft = ProjectFactory(live=False)
    client.force_login(editor)
    response = patch(client, draft.slug, {"summary": "Résumé relu."})
    assert response.status_code == 200, response.content
    draft.refresh_from_db()
    assert draft.summary == "Résumé relu." and not draft.live


def test_anonymous_and_unlinked_users_cannot_write(client, django_user_model, payload):
    assert post(client, payload).status_code in (401, 403)
    nobody = django_user_model.objects.create_user(username="sans-fiche")
    client.force_login(nobody)
    response = post(client, payload)
    assert response.status_code == 403
    assert response.json()["errors"][0]["code"] == "permission_denied"


def test_token_authentication(client, researcher, payload):
    token = Token.objects.create(user=researcher)
    response = post(client, payload, HTTP_AUTHORIZATION=f"Token {token.key}")
    assert response.status_code == 201, response.content


@pytest.mark.parametrize(
    "change, field, code",
    [
        (
            {"members": [{"person": "orcid:0000-0002-1825-0096", "role": "pi"}]},
            "members.0.person",
            "orcid_checksum",
        ),
        ({"lead_organisation": "ror:not-a-ror"}, "lead_organisation", "ror_format"),
        ({"lead_team": "rnsr:12"}, "lead_team", "rnsr_format"),
        ({"start_date": "2026-01-01", "end_date": "2025-01-01"}, "end_date", None),
        ({"domains": ["astrologie"]}, "domains", "does_not_exist"),
        ({"techniques": ["divination"]}, "techniques", "does_not_exist"),
        ({"trl": 12}, "trl", "max_value"),
        ({"title": "x" * 300}, "title", "max_length"),
        ({"keywords": [f"mot{n}" for n in range(31)]}, "keywords", "max_length"),
        ({"title": None}, "title", "null"),
    ],
)
def test_invalid_payloads_are_refused_with_field_messages_and_nothing_stored(
    client, researcher, payload, change, field, code
):
    PersonFactory(orcid="0000-0002-1825-0097")
    client.force_login(researcher)
    before = stored()
    response = post(client, {**payload, **change})
    assert response.status_code == 400, response.content
    errors = response.json()["errors"]
    assert any(error["field"] == field for error in errors), errors
    if code:
        assert code in {error["code"] for error in errors}, errors
    assert all(error["message"] for error in errors)
    assert stored() == before


def test_oversized_payloads_are_refused(client, researcher, payload, settings):
    settings.API_MAX_PAYLOAD_BYTES = 2048
    client.force_login(researcher)
    before = stored()
    response = post(client, {**payload, "summary": "é" * 3000})
    assert response.status_code == 400
    assert response.json()["errors"][0]["code"] == "payload_too_large"
    assert stored() == before


def test_an_invalid_edit_leaves_the_project_untouched(client, researcher):
    project = ProjectFactory(live=False)
    ProjectMember.objects.create(project=project, person=researcher.person, role="pi")
    client.force_login(researcher)
    before = stored()
    response = patch(client, project.slug, {"end_date": "2000-01-01"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "end_date"
    assert stored() == before


def test_a_save_on_a_stale_revision_is_a_conflict_and_stores_nothing(
    client, researcher, payload
):
    """Two clients read revision r1; the first saves, the second is refused."""
    client.force_login(researcher)
    created = post(client, payload).json()
    read = created["revision"]
    first = patch(client, created["slug"], {"title": "Premier", "revision": read})
    assert first.status_code == 200, first.content
    assert first.json()["revision"] != read
    before = stored()
    second = patch(client, created["slug"], {"title": "Second", "revision": read})
    assert second.status_code == 409, second.content
    [error] = second.json()["errors"]
    assert error["field"] == "revision" and error["code"] == "edit_conflict"
    assert str(first.json()["revision"]) in error["message"]
    assert stored() == before
    project = Project.objects.get(slug=created["slug"])
    assert project.latest_revision.as_object().title == "Premier"
    retry = {"title": "Second", "revision": first.json()["revision"]}
    assert patch(client, created["slug"], retry).status_code == 200
