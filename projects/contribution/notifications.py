"""The e-mail that tells a project's author what the moderators decided."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMessage, get_connection
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import WorkflowState

from portal.core.recipients import user_may_be_emailed
from projects.models import Project

APPROVED = "approved"
REJECTED = "rejected"


def _recipient(*, project: Project, state: WorkflowState, decided_by_id: int | None):
    """The owner (else whoever submitted), unless fictional, without an address,
    inactive, or the moderator who decided."""
    user = project.owner or state.requested_by
    if not user_may_be_emailed(user) or user.pk == decided_by_id:
        return None
    return user


def _text(*, project: Project, state: WorkflowState, decision: str) -> tuple[str, str]:
    base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    values = {"title": project.title, "site": settings.WAGTAIL_SITE_NAME}
    footer = _("Ce message est envoyé automatiquement ; merci de ne pas y répondre.")
    if decision == REJECTED:
        task_state = state.current_task_state
        comment = (task_state.comment if task_state else "") or _("(sans commentaire)")
        subject = _("Votre projet « %(title)s » : modifications demandées") % values
        body = _(
            "Bonjour,\n\n"
            "Les modérateurs du %(site)s ont examiné le projet « %(title)s » et "
            "demandent des modifications avant publication.\n\n"
            "Leur commentaire :\n%(comment)s\n\n"
            "Modifiez le projet puis soumettez-le de nouveau :\n%(url)s\n\n"
        ) % {
            **values,
            "comment": comment,
            "url": base_url
            + reverse("contribution:project_edit", kwargs={"pk": project.pk}),
        }
        return subject, body + footer
    scheduled = project.scheduled_revision
    subject = _("Votre projet « %(title)s » est approuvé") % values
    if scheduled:
        when = formats.date_format(
            timezone.localtime(scheduled.approved_go_live_at), "DATETIME_FORMAT"
        )
        body = _(
            "Bonjour,\n\n"
            "Les modérateurs du %(site)s ont approuvé le projet « %(title)s ». "
            "Sa publication est programmée le %(when)s.\n\n"
        ) % {**values, "when": when}
    else:
        body = _(
            "Bonjour,\n\n"
            "Les modérateurs du %(site)s ont approuvé le projet « %(title)s » : "
            "il est publié.\n\n"
            "Vous pouvez le consulter à cette adresse :\n%(url)s\n\n"
        ) % {**values, "url": base_url + project.get_absolute_url()}
    return subject, body + footer


def project_moderation_notify_author(*, workflow_state_id: int, decision: str) -> int:
    """E-mail the author of a project the moderators approved or sent back.

    Re-reads the workflow state and the project: a project deleted since gets no
    message. Returns the number of messages sent (0 or 1)."""
    state = (
        WorkflowState.objects.select_related("requested_by", "current_task_state")
        .filter(
            pk=workflow_state_id,
            base_content_type=ContentType.objects.get_for_model(Project),
        )
        .first()
    )
    if state is None:
        return 0
    project = Project.objects.select_related("owner").filter(pk=state.object_id).first()
    if project is None:
        return 0
    task_state = state.current_task_state
    recipient = _recipient(
        project=project,
        state=state,
        decided_by_id=task_state.finished_by_id if task_state else None,
    )
    if recipient is None:
        return 0
    # Workers have no request: the portal's language decides the text and URLs.
    with translation.override(settings.LANGUAGE_CODE):
        subject, body = _text(project=project, state=state, decision=decision)
    message = EmailMessage(subject=subject, body=body, to=[recipient.email])
    with get_connection() as connection:
        return connection.send_messages([message]) or 0
