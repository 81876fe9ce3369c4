"""E-mails about evaluation requests, to the people who act on them."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from portal.core.recipients import reachable_users_q, user_may_be_emailed
from projects.evaluations.roles import EVALUATORS_GROUP, MODERATORS_GROUP
from registry.models import Evaluation


def evaluation_request_notify_staff(*, evaluation_id: int) -> int:
    """Tell moderators and INESIA evaluators that an evaluation was requested.

    Sent only while the evaluation is still `requested` (a re-run after it moved on
    sends nothing), never to accounts of fictional (demo) people; one e-mail per
    distinct address. Returns how many were sent.
    """
    evaluation = (
        Evaluation.objects.select_related("project")
        .filter(pk=evaluation_id, status=Evaluation.Status.REQUESTED)
        .first()
    )
    if evaluation is None or evaluation.is_fictional:
        return 0
    recipients = sorted(
        set(
            get_user_model()
            .objects.filter(
                reachable_users_q(),
                groups__name__in=[MODERATORS_GROUP, EVALUATORS_GROUP],
            )
            .values_list("email", flat=True)
        )
    )
    if not recipients:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
            "wagtailsnippets_registry_evaluation:edit", args=[evaluation.pk]
        )
        subject = _("Demande d’évaluation INESIA : %(project)s") % {
            "project": evaluation.project.title
        }
        body = _(
            "Bonjour,\n\n"
            "L’équipe du projet « %(project)s » demande l’évaluation de la version "
            "%(version)s de son modèle (référence %(reference)s).\n\n"
            "Usage prévu :\n%(use)s\n\n"
            "Contact : %(contact)s\n\n"
            "Assigner un évaluateur ou une évaluatrice :\n%(url)s\n\n"
            "Ce message est envoyé automatiquement ; merci de ne pas y répondre.\n"
        ) % {
            "project": evaluation.project.title,
            "version": evaluation.model_version,
            "reference": evaluation.reference,
            "use": evaluation.intended_use,
            "contact": evaluation.contact_email,
            "url": admin_url,
        }
    messages = [
        EmailMessage(subject=subject, body=body, to=[address]) for address in recipients
    ]
    with get_connection() as connection:
        return connection.send_messages(messages) or 0


def evaluation_assignment_notify_assignee(
    *, evaluation_id: int, assignee_id: int
) -> int:
    """Tell an INESIA evaluator that an evaluation was put in their charge.

    Sent only if they still hold it (a re-assignment in between sends nothing), never
    for fictional evaluations nor to accounts of fictional people. Returns 0 or 1.
    """
    evaluation = (
        Evaluation.objects.select_related("project", "assigned_to__person")
        .filter(pk=evaluation_id, assigned_to_id=assignee_id, is_fictional=False)
        .exclude(status__in=[Evaluation.Status.COMPLETED, Evaluation.Status.PUBLISHED])
        .first()
    )
    if evaluation is None:
        return 0
    assignee = evaluation.assigned_to
    if not user_may_be_emailed(assignee):
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
            "evaluation_steps", args=[evaluation.pk]
        )
        subject = _("Évaluation INESIA à mener : %(project)s") % {
            "project": evaluation.project.title
        }
        body = _(
            "Bonjour,\n\n"
            "L’évaluation %(reference)s de la version %(version)s du modèle du projet "
            "« %(project)s » vous est confiée.\n\n"
            "Ses étapes, à commencer quand vous êtes prêt·e :\n%(url)s\n\n"
            "Ce message est envoyé automatiquement ; merci de ne pas y répondre.\n"
        ) % {
            "reference": evaluation.reference,
            "version": evaluation.model_version,
            "project": evaluation.project.title,
            "url": admin_url,
        }
    EmailMessage(subject=subject, body=body, to=[assignee.email]).send()
    return 1
