"""E-mails to account holders, rendered here and sent by Celery tasks."""

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from portal.accounts.models import PersonClaim
from portal.core.recipients import user_may_be_emailed


def person_claim_decision_send(*, claim_id: int) -> int:
    """Tell the account holder whether their ORCID claim was confirmed or refused.

    Sends nothing for a claim still pending (or deleted), nor when the person is a
    fictional (demo) one. Returns the number of messages sent.
    """
    claim = (
        PersonClaim.objects.select_related("user", "person")
        .exclude(status=PersonClaim.Status.PENDING)
        .filter(pk=claim_id)
        .first()
    )
    if claim is None or not user_may_be_emailed(claim.user, person=claim.person):
        return 0

    with translation.override(settings.LANGUAGE_CODE):
        account_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
            "accounts:home"
        )
        values = {
            "orcid": claim.orcid,
            "name": claim.claimed_name,
            "site": settings.WAGTAIL_SITE_NAME,
            "url": account_url,
            "reason": claim.refusal_reason or _("aucun motif indiqué"),
        }
        if claim.status == PersonClaim.Status.CONFIRMED:
            subject = _("Votre compte est lié à la fiche de %(name)s") % values
            body = (
                _(
                    "Bonjour,\n\n"
                    "Un modérateur du %(site)s a confirmé votre demande : votre compte est "
                    "désormais lié à la fiche de %(name)s (ORCID %(orcid)s).\n\n"
                    "Votre espace : %(url)s\n\n"
                    "Ce message est envoyé automatiquement ; merci de ne pas y répondre.\n"
                )
                % values
            )
        else:
            subject = _("Votre demande de liaison à l’ORCID %(orcid)s") % values
            body = (
                _(
                    "Bonjour,\n\n"
                    "Un modérateur du %(site)s n’a pas confirmé votre demande de liaison à "
                    "l’ORCID %(orcid)s.\n\nMotif : %(reason)s\n\n"
                    "Vous pouvez faire une nouvelle demande depuis votre espace : %(url)s\n\n"
                    "Ce message est envoyé automatiquement ; merci de ne pas y répondre.\n"
                )
                % values
            )
    message = EmailMessage(subject=subject, body=body, to=[claim.user.email])
    return message.send()


def rendered_email_send(
    *, subject: str, body: str, html: str, to: list[str], from_email: str
) -> int:
    """Send a message allauth rendered (confirmation, password reset, two-factor)."""
    message = EmailMultiAlternatives(
        subject=subject, body=body, from_email=from_email, to=to
    )
    if html:
        message.attach_alternative(html, "text/html")
    return message.send()
