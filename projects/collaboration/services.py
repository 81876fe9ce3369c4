"""Writes of calls for collaboration and contact requests, and their e-mail."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from portal.core.queue import task_enqueue
from projects.collaboration.models import CollaborationCall, ContactRequest
from projects.collaboration.selectors import contact_recipient
from registry.models import Team


def collaboration_permissions_ensure() -> None:
    """Moderators manage calls in the admin and can read contact requests."""
    moderators, _created = Group.objects.get_or_create(name="Moderators")
    for model, actions in (
        (CollaborationCall, ["add", "change", "view", "delete"]),
        (ContactRequest, ["view"]),
    ):
        content_type = ContentType.objects.get_for_model(model)
        name = model._meta.model_name
        moderators.permissions.add(
            *[
                Permission.objects.get_or_create(
                    content_type=content_type,
                    codename=f"{action}_{name}",
                    defaults={"name": f"Can {action} {name}"},
                )[0]
                for action in actions
            ]
        )


class ContactRefused(Exception):
    """The request cannot be sent; the message says why, for the form."""


@dataclass(frozen=True)
class ContactQuota:
    used: int
    limit: int

    @property
    def exhausted(self) -> bool:
        return self.used >= self.limit


def contact_quota(*, user) -> ContactQuota:
    """Requests stored in the last 24 hours, sent or not: a pending one is in the
    task outbox and will be sent once the broker is back, so it counts (otherwise
    an outage would lift the limit and release a burst later)."""
    since = timezone.now() - datetime.timedelta(days=1)
    used = ContactRequest.objects.filter(sender=user, created_at__gte=since).count()
    return ContactQuota(used=used, limit=settings.COLLABORATION_CONTACTS_PER_DAY)


def contact_request_create(
    *, user, team: Team, message: str, call: CollaborationCall | None = None
) -> ContactRequest:
    """Store a contact request and queue its e-mail after commit.

    Raises ContactRefused when the team has no reachable contact, the sender has no
    address to answer to, or the sender's daily limit is reached.
    """
    from projects.collaboration.tasks import contact_request_send

    if not user.email:
        raise ContactRefused(
            _(
                "Ajoutez une adresse e-mail à votre compte : la réponse vous sera envoyée."
            )
        )
    recipient = contact_recipient(team=team)
    if recipient is None:
        raise ContactRefused(
            _("Cette équipe ne peut pas être contactée par le portail.")
        )
    with transaction.atomic():
        # Locks the sender's row: two simultaneous posts cannot both pass the limit.
        get_user_model().objects.select_for_update().filter(pk=user.pk).first()
        quota = contact_quota(user=user)
        if quota.exhausted:
            raise ContactRefused(
                _(
                    "Vous avez envoyé %(limit)s demandes de contact en 24 heures : "
                    "réessayez demain."
                )
                % {"limit": quota.limit}
            )
        contact = ContactRequest.objects.create(
            sender=user, team=team, call=call, recipient=recipient, message=message
        )
        contact_id = contact.pk
        task_enqueue(contact_request_send, contact_id)
    return contact


def contact_request_deliver(*, contact_request_id: int) -> int:
    """E-mail one contact request to the team's contact, Reply-To the sender.

    Idempotent: a request already sent is not sent again. The recipient is looked
    up again, so a contact who became unreachable (or fictional) gets nothing.
    Returns the number of e-mails sent.
    """
    contact = (
        ContactRequest.objects.select_related("sender", "team__lead", "call")
        .filter(pk=contact_request_id)
        .first()
    )
    if contact is None or contact.status != ContactRequest.Status.PENDING:
        return 0
    recipient = contact_recipient(team=contact.team)
    if recipient is None or not contact.sender.email:
        contact.status = ContactRequest.Status.UNDELIVERABLE
        contact.save(update_fields=["status"])
        return 0
    sender_name = contact.sender.get_full_name() or contact.sender.get_username()
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Demande de contact pour %(team)s") % {"team": contact.team}
        about = (
            _("À propos de votre appel « %(title)s ».\n\n") % {"title": contact.call}
            if contact.call
            else ""
        )
        body = _(
            "Bonjour,\n\n"
            "%(sender)s vous écrit depuis le %(site)s au sujet de l’équipe %(team)s.\n\n"
            "%(about)s%(message)s\n\n"
            "---\n"
            "Répondez à ce message pour écrire directement à %(sender)s. Votre adresse "
            "n’a pas été communiquée : elle ne le sera que si vous répondez.\n"
        ) % {
            "sender": sender_name,
            "site": settings.WAGTAIL_SITE_NAME,
            "team": contact.team,
            "about": about,
            "message": contact.message,
        }
    email = EmailMessage(
        subject=subject,
        body=body,
        to=[recipient.email],
        reply_to=[contact.sender.email],
    )
    with get_connection() as connection:
        sent = connection.send_messages([email]) or 0
    contact.status = ContactRequest.Status.SENT
    contact.sent_at = timezone.now()
    contact.recipient = recipient
    contact.save(update_fields=["status", "sent_at", "recipient"])
    return sent


def call_save(*, form, user) -> CollaborationCall:
    """Save a call edited on the public site, keeping who first wrote it."""
    call = form.save(commit=False)
    if call.created_by_id is None:
        call.created_by = user
    call.save()
    form.save_m2m()
    return call
