"""“Demander un contact”: stored, e-mailed by the task Reply-To the sender, limited,
validated; the recipient's address is never shown and fictional people never written to."""

import pytest
from django.conf import settings
from django.core import mail
from django.shortcuts import resolve_url

from projects.collaboration.models import ContactRequest
from projects.collaboration.services import contact_request_deliver
from search.client import es_reset
from tests.factories import (
    MembershipFactory,
    PersonFactory,
    ProjectFactory,
    TeamFactory,
)

pytestmark = pytest.mark.django_db

SECRET = "direction.secrete@chu-test.fr"
MESSAGE = "Bonjour, notre équipe travaille sur l’ECG et cherche un partenaire."


@pytest.fixture
def team(settings):
    settings.ELASTICSEARCH_URL = ""
    es_reset()
    lead = PersonFactory(first_name="Léa", last_name="Responsable", email=SECRET)
    team = TeamFactory(name="Rythmologie", lead=lead)
    team.save()
    MembershipFactory(person=lead, team=team)
    ProjectFactory(lead_team=team, title="Détection de la fibrillation atriale")
    yield team
    es_reset()


@pytest.fixture
def sender(django_user_model):
    return django_user_model.objects.create_user(
        username="chercheuse",
        email="chercheuse@labo-test.fr",
        first_name="Inès",
        last_name="Chercheuse",
        password="x-test-pass-1234",
    )


def contact_url(team) -> str:
    return f"/equipes/{team.slug}/contact/"


def test_contact_needs_a_login(client, team):
    response = client.get(contact_url(team))
    assert response.status_code == 302
    assert response["Location"].startswith(resolve_url(settings.LOGIN_URL))
    assert client.post(contact_url(team), {"message": MESSAGE}).status_code == 302
    assert not ContactRequest.objects.exists()


def test_a_request_is_stored_and_mailed_by_the_task_reply_to_the_sender(
    client, team, sender, django_capture_on_commit_callbacks
):
    client.force_login(sender)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(contact_url(team), {"message": MESSAGE})

    assert response.status_code == 302
    assert len(callbacks) == 1  # the Celery task, queued after commit
    request = ContactRequest.objects.get()
    assert request.sender == sender and request.team == team
    assert request.status == ContactRequest.Status.SENT and request.sent_at
    [email] = mail.outbox
    assert email.to == [SECRET]
    assert email.reply_to == ["chercheuse@labo-test.fr"]
    assert MESSAGE in email.body and "Inès Chercheuse" in email.body
    # Sent once: a retried task does not write again.
    assert contact_request_deliver(contact_request_id=request.pk) == 0
    assert len(mail.outbox) == 1


def test_the_recipient_address_is_never_shown(client, team, sender):
    client.force_login(sender)
    pages = [
        client.get(contact_url(team)),
        client.post(contact_url(team), {"message": MESSAGE}, follow=True),
        client.get(team.get_absolute_url()),
        client.get("/collaborateurs/", {"text": "fibrillation atriale"}),
        client.get("/api/v1/match/teams/", {"text": "fibrillation atriale"}),
    ]
    for response in pages:
        assert response.status_code == 200
        assert SECRET not in response.content.decode()
    assert "Rythmologie" in pages[3].content.decode()
    assert contact_url(team) in pages[3].content.decode()


def test_fictional_contacts_are_never_written_to(
    client, team, sender, django_capture_on_commit_callbacks
):
    team.lead.is_fictional = True
    team.lead.save(update_fields=["is_fictional"])
    client.force_login(sender)

    page = client.get(contact_url(team))
    assert "pas disponible" in page.content.decode()
    assert 'id="contact-form"' not in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        refused = client.post(contact_url(team), {"message": MESSAGE})
    assert refused.status_code == 400
    assert not ContactRequest.objects.exists() and not mail.outbox


def test_a_contact_who_became_fictional_gets_nothing(
    team, sender, django_capture_on_commit_callbacks
):
    from projects.collaboration.services import contact_request_create

    request = contact_request_create(user=sender, team=team, message=MESSAGE)
    team.lead.is_fictional = True
    team.lead.save(update_fields=["is_fictional"])
    assert contact_request_deliver(contact_request_id=request.pk) == 0
    request.refresh_from_db()
    assert request.status == ContactRequest.Status.UNDELIVERABLE and not mail.outbox


def test_requests_are_limited_per_day(client, team, sender, settings):
    settings.COLLABORATION_CONTACTS_PER_DAY = 3
    client.force_login(sender)
    for _ in range(3):
        assert client.post(contact_url(team), {"message": MESSAGE}).status_code == 302
    refused = client.post(contact_url(team), {"message": MESSAGE})

    assert refused.status_code == 429
    assert "réessayez demain" in refused.content.decode()
    assert ContactRequest.objects.count() == 3


@pytest.mark.parametrize(
    "message",
    ["", "      ", "Trop court.", "x" * 5001],
    ids=["empty", "blank", "short", "long"],
)
def test_bad_messages_are_refused_and_nothing_is_stored(client, team, sender, message):
    client.force_login(sender)
    response = client.post(contact_url(team), {"message": message})

    assert response.status_code == 400
    assert 'class="fr-error-text"' in response.content.decode()
    assert not ContactRequest.objects.exists()


def test_a_sender_without_an_address_is_told_to_add_one(
    client, team, django_user_model
):
    user = django_user_model.objects.create_user(
        username="sans", password="x-pass-1234"
    )
    client.force_login(user)
    assert (
        "Ajoutez une adresse e-mail" in client.get(contact_url(team)).content.decode()
    )
    assert client.post(contact_url(team), {"message": MESSAGE}).status_code == 400
    assert not ContactRequest.objects.exists()
