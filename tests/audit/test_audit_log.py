"""Every change to registry data is attributable: who, when, through what, and which
fields changed (old → new), in Wagtail's log that moderators read in the admin."""

import json

import pytest
from django.core.management import call_command
from django.urls import reverse
from rest_framework.authtoken.models import Token
from wagtail.models import ModelLogEntry
from wagtail.test.utils.form_data import nested_form_data

from portal.audit.context import audit_context
from projects.models import ProjectMember
from registry.models import EvaluationCriterion, EvaluationScore, Organisation
from tests.factories import (
    EvaluationFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    ProjectFactory,
    TeamFactory,
)

pytestmark = pytest.mark.django_db


def entries(instance, action=None):
    found = ModelLogEntry.objects.for_instance(instance).filter(
        action__startswith="audit."
    )
    return list(found.filter(action=action) if action else found)


def changed(entry) -> dict[str, tuple[str, str]]:
    return {c["field"]: (c["old"], c["new"]) for c in entry.data["changes"]}


@pytest.fixture
def researcher(django_user_model):
    user = django_user_model.objects.create_user(
        username="chercheuse", email="chercheuse@example.org"
    )
    PersonFactory(user=user)
    return user


def api_patch(client, project, token, data):
    return client.patch(
        f"/api/v1/projects/{project.slug}/",
        json.dumps(data),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Token {token.key}",
    )


@pytest.mark.parametrize("live", [False, True])
def test_an_api_write_is_logged_with_its_user_and_field_changes(
    client, researcher, live
):
    """A draft never published is saved to its row; a published project keeps its
    row and gets a new revision: either way one entry says what changed."""
    project = ProjectFactory(title="Ancien titre", live=live)
    ProjectMember.objects.create(project=project, person=researcher.person, role="pi")
    project.save_revision()
    token = Token.objects.create(user=researcher)

    response = api_patch(client, project, token, {"title": "Nouveau titre", "trl": 5})
    assert response.status_code == 200, response.content

    [entry] = entries(project, "audit.edit")[:1]
    assert (
        len([e for e in entries(project, "audit.edit") if "title" in changed(e)]) == 1
    )
    assert entry.user == researcher  # authenticated by token, inside the view
    assert entry.data["source"] == "api"
    assert changed(entry)["title"] == ("Ancien titre", "Nouveau titre")
    assert changed(entry)["trl"] == ("3", "5")
    assert "Modifié (API)" in entry.message
    if live:
        assert entry.data["draft"] is True and "brouillon" in entry.message
        project.refresh_from_db()
        assert project.title == "Ancien titre", "the public version is untouched"


def test_an_api_creation_is_logged_with_its_values(client, researcher):
    organisation = OrganisationFactory()
    client.force_login(researcher)
    response = client.post(
        "/api/v1/projects/",
        json.dumps(
            {
                "title": "Détection du sepsis",
                "summary": "Alerte précoce.",
                "lead_organisation": organisation.slug,
            }
        ),
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    from projects.models import Project

    project = Project.objects.get(slug=response.json()["slug"])
    [created] = entries(project, "audit.create")
    assert created.user == researcher and created.data["source"] == "api"
    assert changed(created)["title"] == ("", "Détection du sepsis")
    # The researcher's membership, added by the API, is logged on the project.
    [member] = entries(project, "audit.edit")
    assert str(researcher.person) in member.data["changes"][0]["new"]


def test_a_command_is_logged_with_its_name_and_no_user(tmp_path):
    path = tmp_path / "organisations.csv"
    path.write_text("name,ror,city\nCHU de Bordeaux,01hq89f96,Bordeaux\n")
    call_command("import_organisations", str(path), stdout=open("/dev/null", "w"))
    organisation = Organisation.objects.get(ror_id="01hq89f96")
    [created] = entries(organisation, "audit.create")
    assert created.user is None
    assert created.data["source"] == "command:import_organisations"
    assert changed(created)["city"] == ("", "Bordeaux")
    assert "commande import_organisations" in created.message

    path.write_text("name,ror,city\nCHU de Bordeaux,01hq89f96,Talence\n")
    call_command("import_organisations", str(path), stdout=open("/dev/null", "w"))
    [edited] = entries(organisation, "audit.edit")
    assert changed(edited) == {"city": ("Bordeaux", "Talence")}
    assert "ville" in edited.message.lower() or "city" in edited.message


def test_an_admin_edit_is_logged_with_the_moderator_and_the_diff(client, moderator):
    organisation = OrganisationFactory(name="Hôpital A", city="Lyon")
    client.force_login(moderator)
    url = reverse("wagtailsnippets_registry_organisation:edit", args=[organisation.pk])
    form = nested_form_data(
        {
            "name": "Hôpital A",
            "acronym": "",
            "kind": organisation.kind,
            "ror_id": "",
            "parent": "",
            "website": "",
            "city": "Villeurbanne",
            "source": "",
        }
    )
    response = client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:3000]

    [entry] = entries(organisation, "audit.edit")
    assert entry.user == moderator and entry.data["source"] == "admin"
    assert changed(entry) == {"city": ("Lyon", "Villeurbanne")}


def test_child_rows_and_relations_are_logged_on_their_parent():
    person = PersonFactory()
    team = TeamFactory(name="Équipe Aramis")
    membership = MembershipFactory(person=person, team=team)
    membership.role = "engineer"
    membership.save()
    messages = [entry.data["changes"] for entry in entries(person, "audit.edit")]
    assert any("Équipe Aramis" in change[0]["new"] for change in messages)
    assert any(
        change[0]["old"] == "chercheur ou chercheuse"
        and change[0]["new"] == "ingénieur"
        for change in messages
    )

    inserm = OrganisationFactory(name="Inserm")
    team.parents.add(inserm)
    cnrs = OrganisationFactory(name="CNRS")
    cnrs.teams.add(team)  # the same link, from the other side
    team_changes = [changed(entry).get("parents") for entry in entries(team)]
    assert ("", "+ Inserm") in team_changes and ("", "+ CNRS") in team_changes

    evaluation = EvaluationFactory()
    criterion = (
        EvaluationCriterion.objects.first()
        or EvaluationCriterion.objects.create(code="robustesse", name="Robustesse")
    )
    score = EvaluationScore.objects.create(
        evaluation=evaluation, criterion=criterion, score=60
    )
    score.score = 75
    score.save()
    [*_, last] = sorted(entries(evaluation, "audit.edit"), key=lambda e: e.pk)
    [(field, values)] = changed(last).items()
    assert field.endswith("— note sur 100") and values == ("60", "75")


def test_deletions_and_unattributed_changes_are_kept():
    organisation = OrganisationFactory(name="Éphémère")
    pk = organisation.pk
    organisation.delete()
    entry = ModelLogEntry.objects.get(object_id=str(pk), action="audit.delete")
    assert entry.label == "Éphémère" and entry.data["source"] == "script"


def test_an_explicit_context_names_user_and_source(researcher):
    with audit_context(source="task:import", user=researcher):
        organisation = OrganisationFactory()
    [entry] = entries(organisation, "audit.create")
    assert entry.user == researcher and entry.data["source"] == "task:import"


def test_moderators_see_the_history_others_do_not(client, moderator, researcher):
    organisation = OrganisationFactory(name="Hôpital B", city="Nantes")
    organisation.city = "Rezé"
    organisation.save()
    history = reverse(
        "wagtailsnippets_registry_organisation:history", args=[organisation.pk]
    )

    anonymous = client.get(history)
    assert anonymous.status_code == 302 and "login" in anonymous["Location"]
    client.force_login(researcher)
    refused = client.get(history)
    assert refused.status_code in (302, 403)
    assert "Rezé" not in refused.content.decode()

    client.force_login(moderator)
    page = client.get(history).content.decode()
    assert "« Nantes » → « Rezé »" in page
    report = client.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert "« Nantes » → « Rezé »" in report or "Hôpital B" in report
