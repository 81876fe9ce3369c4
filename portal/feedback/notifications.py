"""E-mails about error reports: to moderators when one arrives, to the reporter when
it is resolved. Moderators are users of the Moderators group with an address."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from portal.core.recipients import reachable_users_q
from portal.feedback.models import ErrorReport
from portal.feedback.services import MODERATORS_GROUP


def error_report_moderators_notify(*, report_id: int) -> int:
    """One message per moderator; returns how many were sent."""
    report = ErrorReport.objects.filter(pk=report_id).first()
    if report is None:
        return 0
    recipients = sorted(
        set(
            get_user_model()
            .objects.filter(reachable_users_q(), groups__name=MODERATORS_GROUP)
            .values_list("email", flat=True)
        )
    )
    if not recipients:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        admin_url = base_url + reverse(
            "wagtailsnippets_feedback_errorreport:edit", args=[report.pk]
        )
        subject = _("Nouveau signalement d’erreur n° %(number)d") % {
            "number": report.pk
        }
        body = _(
            "Un visiteur signale une erreur sur la page :\n%(page)s\n\n"
            "%(description)s\n\n"
            "Traiter le signalement :\n%(admin)s\n"
        ) % {
            "page": base_url + report.page_url,
            "description": report.description,
            "admin": admin_url,
        }
    messages = [EmailMessage(subject=subject, body=body, to=[to]) for to in recipients]
    with get_connection() as connection:
        return connection.send_messages(messages) or 0


def error_report_reporter_answer(*, report_id: int) -> bool:
    """Tell the reporter their report is resolved, once; True if a message went."""
    with transaction.atomic():
        report = (
            ErrorReport.objects.select_for_update()
            .filter(
                pk=report_id,
                status=ErrorReport.Status.RESOLVED,
                reporter_notified_at__isnull=True,
            )
            .exclude(email="")
            .first()
        )
        if report is None:
            return False
        with translation.override(settings.LANGUAGE_CODE):
            base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
            subject = _("Votre signalement d’erreur a été traité")
            body = _(
                "Bonjour,\n\n"
                "Merci pour votre signalement concernant la page :\n%(page)s\n\n"
                "Il a été traité et la correction est faite.%(comment)s\n\n"
                "L’équipe du %(site)s\n"
                "Ce message est envoyé automatiquement ; merci de ne pas y répondre.\n"
            ) % {
                "page": base_url + report.page_url,
                "comment": (
                    "\n\n"
                    + _("Commentaire de la modération :")
                    + "\n"
                    + report.moderator_comment
                    if report.moderator_comment
                    else ""
                ),
                "site": settings.WAGTAIL_SITE_NAME,
            }
        EmailMessage(subject=subject, body=body, to=[report.email]).send()
        report.reporter_notified_at = timezone.now()
        report.save(update_fields=["reporter_notified_at"])
    return True
