"""A project's team requests an evaluation from the project page; moderators and
evaluators are told by e-mail (through Celery), never fictional people."""

import pytest
from django.core import mail
from django.urls import reverse

from projects.models import ProjectMember
from registry.models import Evaluation
from tests.factories import PersonFactory, ProjectFactory, TeamFactory

pytestmark = pytest.mark.django_db

FORM = {
    "model_version": "v2.1.0",
    "intended_use": "Alerte précoce de sepsis aux urgences adultes.",
    "contact_email": "equipe@example.org",
}


def request_url(project) -> str:
    return reverse("evaluations:evaluation_request", kwargs={"slug": project.slug})


def test_the_project_page_offers_the_form_to_members_only(
    client, project, researcher, outsider
):
    url = project.get_absolute_url()
    assert "evaluation-request" not in client.get(url).content.decode()
    client.force_login(outsider)
    assert "evaluation-request" not in client.get(url).content.decode()
    client.force_login(researcher)
    page = client.get(url).content.decode()
    assert "Demander une évaluation INESIA" in page
    assert f'action="{request_url(project)}"' in page


def test_a_member_files_a_request_and_staff_are_emailed(
    client,
    project,
    researcher,
    moderator,
    evaluator,
    outsider,
    django_user_model,
    django_capture_on_commit_callbacks,
):
    fictional = django_user_model.objects.create_user(
        username="fictive", email="fictive@example.org"
    )
    fictional.groups.add(*moderator.groups.all())
    PersonFactory(user=fictional, is_fictional=True)
    client.force_login(researcher)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(request_url(project), FORM)

    evaluation = Evaluation.objects.get(project=project)
    assert response.status_code == 302
    assert response["Location"].endswith(f"?demande={evaluation.reference}")
    assert evaluation.status == Evaluation.Status.REQUESTED
    assert evaluation.requested_by == researcher
    assert evaluation.model_version == "v2.1.0"
    assert evaluation.evaluator.acronym == "INESIA"
    assert evaluation.reference.startswith("inesia-")
    step = evaluation.transitions.get()
    assert (step.action, step.by, step.to_status) == (
        "request",
        researcher,
        "requested",
    )

    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == ["evaluatrice@example.org", "moderatrice@example.org"]
    assert project.title in mail.outbox[0].subject
    assert "v2.1.0" in mail.outbox[0].body

    confirmation = client.get(response["Location"]).content.decode()
    assert "fr-alert--success" in confirmation
    assert evaluation.reference in confirmation


def test_the_lead_teams_head_may_request_too(client, django_user_model):
    user = django_user_model.objects.create_user(username="directrice")
    head = PersonFactory(user=user)
    project = ProjectFactory(lead_team=TeamFactory(lead=head))
    client.force_login(user)
    assert client.post(request_url(project), FORM).status_code == 302
    assert Evaluation.objects.filter(project=project).count() == 1


def test_a_draft_project_can_be_evaluated_privately(client, django_user_model):
    user = django_user_model.objects.create_user(username="membre")
    person = PersonFactory(user=user)
    draft = ProjectFactory(live=False)
    ProjectMember.objects.create(project=draft, person=person, role="pi")
    client.force_login(user)
    assert client.get(request_url(draft)).status_code == 200
    assert client.post(request_url(draft), FORM).status_code == 302
    assert Evaluation.objects.public().filter(project=draft).count() == 0


def test_bad_input_is_reported_next_to_each_field_and_stores_nothing(
    client, project, researcher
):
    client.force_login(researcher)
    response = client.post(
        request_url(project),
        {"model_version": "", "intended_use": "x", "contact_email": "pas-une-adresse"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert 'id="model_version-error"' in page and 'id="contact_email-error"' in page
    assert 'aria-describedby="contact_email-hint contact_email-error"' in page
    assert 'aria-invalid="true"' in page
    assert "\nx</textarea>" in page, "typed text is kept"
    assert not Evaluation.objects.exists()
    assert not mail.outbox


def test_outsiders_are_refused_and_anonymous_visitors_sent_to_log_in(
    client, project, outsider
):
    response = client.post(request_url(project), FORM)
    assert response.status_code == 302 and "login" in response["Location"]
    client.force_login(outsider)
    assert client.post(request_url(project), FORM).status_code == 403
    assert client.get(request_url(project)).status_code == 403
    assert not Evaluation.objects.exists()


def test_someone_elses_confirmation_shows_nothing(client, project, researcher):
    other = Evaluation.objects.create(
        reference="inesia-2026-0999",
        project=project,
        model_version="1",
        evaluator=project.lead_organisation,
    )
    client.force_login(researcher)
    page = client.get(request_url(project) + f"?demande={other.reference}")
    assert "fr-alert--success" not in page.content.decode()
    assert "<form" in page.content.decode()


def test_references_follow_each_other_within_the_year(client, project, researcher):
    client.force_login(researcher)
    client.post(request_url(project), FORM)
    client.post(request_url(project), {**FORM, "model_version": "v2.2.0"})
    numbers = sorted(
        int(ref.rsplit("-", 1)[1])
        for ref in Evaluation.objects.values_list("reference", flat=True)
    )
    assert numbers[1] == numbers[0] + 1


def test_the_owner_who_declared_the_project_may_request_too(client, project, outsider):
    """An owner with no registry person yet (a fresh account) still may ask."""
    project.owner = outsider
    project.save(update_fields=["owner"])
    client.force_login(outsider)

    response = client.post(request_url(project), FORM)

    assert response.status_code == 302
    assert Evaluation.objects.get(project=project).requested_by == outsider
