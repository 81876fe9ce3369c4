"""A researcher creates and edits projects from « Mes projets »: every save is a
Wagtail revision, nothing is published, and no save silently overwrites another."""

import pytest
from django.urls import reverse
from wagtail.models import Revision

from projects.models import Project
from tests.contribution.conftest import owned_project
from tests.contribution.forms_data import edit_payload, management, project_payload
from tests.factories import DatasetFactory, OrganisationFactory, TeamFactory

pytestmark = pytest.mark.django_db

CREATE_URL = reverse("contribution:project_create")


def edit_url(project) -> str:
    return reverse("contribution:project_edit", args=[project.pk])


def test_researcher_creates_a_private_draft_with_partners_and_datasets(
    client, researcher
):
    organisation = OrganisationFactory(name="Inserm")
    team, partner = TeamFactory(parents=[organisation]), TeamFactory()
    dataset = DatasetFactory(name="SNDS")
    client.force_login(researcher)
    assert client.get(CREATE_URL).status_code == 200

    response = client.post(
        CREATE_URL,
        project_payload(
            organisation,
            lead_team=str(team.pk),
            **management("partners", total=2),
            **{"partners-0-team": str(partner.pk), "partners-0-role": "clinical"},
            **{"partners-1-team": "", "partners-1-role": "partner"},
            **management("datasets", total=1),
            **{
                "datasets-0-dataset": str(dataset.pk),
                "datasets-0-access_status": "granted",
                "datasets-0-purpose": "Parcours de soins",
            },
        ),
    )

    project = Project.objects.get(acronym="RETINO-IA")
    assert response.status_code == 302
    assert response["Location"] == edit_url(project)
    assert project.owner == researcher
    assert not project.live
    assert project.revisions.count() == 1
    assert project.lead_team == team
    assert [(p.team, p.role) for p in project.partners.all()] == [(partner, "clinical")]
    use = project.dataset_uses.get()
    assert (use.dataset, use.access_status) == (dataset, "granted")
    assert (
        project.description
        == "<p>Étude multicentrique.</p><p>Deux CHU participent.</p>"
    )
    assert sorted(project.keywords.names()) == ["dépistage", "rétinopathie"]
    assert client.get(project.get_absolute_url()).status_code == 404


def test_errors_are_reported_per_field_and_the_input_is_kept(client, researcher):
    organisation = OrganisationFactory()
    dataset = DatasetFactory()
    client.force_login(researcher)

    response = client.post(
        CREATE_URL,
        project_payload(
            organisation,
            title="",
            start_date="2026-01-01",
            end_date="2025-01-01",
            code_repository="pas une adresse",
            **management("datasets", total=2),
            **{
                "datasets-0-dataset": str(dataset.pk),
                "datasets-0-access_status": "granted",
            },
            **{
                "datasets-1-dataset": str(dataset.pk),
                "datasets-1-access_status": "refused",
            },
        ),
    )

    assert response.status_code == 400
    form = response.context["form"]
    assert set(form.errors) == {"title", "end_date", "code_repository"}
    assert response.context["use_formset"].forms[1].errors["dataset"]
    html = response.content.decode()
    # Each refused input points at its message, and the summary links to it.
    assert 'aria-describedby="id_end_date-messages"' in html
    assert 'id="id_end_date-messages"' in html
    assert 'href="#id_title"' in html
    assert "<title>Erreur" in html
    assert "Un réseau convolutif lit les rétinographies" in html
    assert not Project.objects.exists()


def test_editing_a_published_project_keeps_the_live_version_public(client, researcher):
    project = owned_project(researcher, live=True, title="Titre publié")
    client.force_login(researcher)
    assert client.get(edit_url(project)).status_code == 200

    response = client.post(
        edit_url(project), edit_payload(project, title="Titre en préparation")
    )

    assert response.status_code == 302
    project.refresh_from_db()
    assert project.live and project.has_unpublished_changes
    assert project.title == "Titre publié"
    assert project.get_latest_revision_as_object().title == "Titre en préparation"
    public = client.get(project.get_absolute_url()).content.decode()
    assert "Titre publié" in public
    assert "Titre en préparation" not in public
    preview = client.get(reverse("contribution:project_preview", args=[project.pk]))
    assert "Titre en préparation" in preview.content.decode()


def test_a_stale_form_is_refused_with_a_link_and_the_input_kept(
    client, researcher, moderator
):
    project = owned_project(researcher, title="Version de départ")
    loaded = edit_payload(project, title="Ma version")
    # Meanwhile a moderator saves another revision.
    other = project.get_latest_revision_as_object()
    other.title = "Version du modérateur"
    other.save_revision(user=moderator)
    client.force_login(researcher)

    response = client.post(edit_url(project), loaded)

    assert response.status_code == 409
    html = response.content.decode()
    assert 'id="alerte-conflit"' in html
    assert reverse("contribution:project_preview", args=[project.pk]) in html
    assert 'value="Ma version"' in html
    project.refresh_from_db()
    assert project.get_latest_revision_as_object().title == "Version du modérateur"
    # Having read the warning, saving again is a deliberate choice: it goes through.
    assert response.context["form"]["revision_id"].value() == project.latest_revision_id
    retry = {**loaded, "revision_id": str(project.latest_revision_id)}
    assert client.post(edit_url(project), retry).status_code == 302


def test_two_saves_of_the_same_loaded_version_cannot_both_pass(client, researcher):
    project = owned_project(researcher)
    first = edit_payload(project, title="Première")
    second = edit_payload(project, title="Seconde")
    client.force_login(researcher)

    assert client.post(edit_url(project), first).status_code == 302
    assert client.post(edit_url(project), second).status_code == 409
    project.refresh_from_db()
    assert project.get_latest_revision_as_object().title == "Première"


def test_a_moderators_lock_stops_the_researchers_save(client, researcher, moderator):
    project = owned_project(researcher, title="Avant verrou")
    project.locked, project.locked_by = True, moderator
    project.save(update_fields=["locked", "locked_by"])
    revisions = Revision.objects.count()
    client.force_login(researcher)

    page = client.get(edit_url(project)).content.decode()
    assert 'id="alerte-verrou"' in page
    response = client.post(edit_url(project), edit_payload(project, title="Pendant"))

    assert response.status_code == 423
    assert "verrouillé par un modérateur" in response.content.decode()
    assert 'value="Pendant"' in response.content.decode()
    assert Revision.objects.count() == revisions
    # The moderator who holds the lock still saves.
    client.force_login(moderator)
    assert client.post(edit_url(project), edit_payload(project)).status_code == 302


def test_description_with_rich_text_is_kept_when_its_words_are_unchanged(
    client, researcher
):
    html = '<p>Voir <a href="https://example.org">le protocole</a>.</p>'
    project = owned_project(researcher, description=html)
    client.force_login(researcher)
    response = client.get(edit_url(project))
    kept_text = response.context["form"].initial["description"]

    client.post(edit_url(project), edit_payload(project, description=kept_text))

    project.refresh_from_db()
    assert project.get_latest_revision_as_object().description == html


def test_the_edit_page_costs_the_same_queries_as_the_registry_grows(client, researcher):
    """Choices are read once per model, whatever the number of teams, datasets
    and organisations offered. (Loading a revision costs Wagtail one check per
    partner or dataset row of that project, bounded by the formsets' maximum.)"""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    project = owned_project(researcher)
    client.force_login(researcher)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(edit_url(project)).status_code == 200
        return len(queries)

    count()  # warms the caches
    before = count()
    for _ in range(10):
        TeamFactory()
        DatasetFactory()
        OrganisationFactory()

    assert count() == before


def test_ownership_survives_publishing_an_older_revision(researcher, other_researcher):
    project = owned_project(researcher)
    older = project.latest_revision
    Project.objects.filter(pk=project.pk).update(owner=other_researcher)

    older.publish()

    project.refresh_from_db()
    assert project.live
    assert project.owner == other_researcher
