"""Moderation decisions on projects hand the author's e-mail to a Celery task.

Wagtail also e-mails the submitter of any workflow, synchronously, with links to
the admin; for projects our message replaces it (one e-mail, in the portal's
words, sent by the worker), so Wagtail's notifiers are re-connected to skip them.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.admin.mail import (
    WorkflowStateApprovalEmailNotifier,
    WorkflowStateRejectionEmailNotifier,
)
from wagtail.models import WorkflowState
from wagtail.signals import workflow_approved, workflow_rejected

from portal.core.queue import task_enqueue
from projects.contribution.notifications import APPROVED, REJECTED
from projects.contribution.tasks import project_moderation_notify


def _is_project(state: WorkflowState) -> bool:
    from projects.models import Project

    return (
        state.base_content_type_id
        == ContentType.objects.get_for_model(Project, for_concrete_model=True).pk
    )


def _queue(state: WorkflowState, decision: str) -> None:
    if _is_project(state):
        state_id = state.pk
        task_enqueue(project_moderation_notify, state_id, decision)


def project_approved_handler(sender, instance, **kwargs) -> None:
    _queue(instance, APPROVED)


def project_rejected_handler(sender, instance, **kwargs) -> None:
    _queue(instance, REJECTED)


class NotProjectsMixin:
    def can_handle(self, instance, **kwargs):
        return super().can_handle(instance, **kwargs) and not _is_project(instance)


class ApprovalNotifier(NotProjectsMixin, WorkflowStateApprovalEmailNotifier):
    pass


class RejectionNotifier(NotProjectsMixin, WorkflowStateRejectionEmailNotifier):
    pass


# Wagtail's own dispatch uids (wagtail/admin/signal_handlers.py).
WAGTAIL_APPROVED_UID = "workflow_state_approved_email_notification"
WAGTAIL_REJECTED_UID = "workflow_state_rejected_email_notification"


def connect_moderation_signals() -> None:
    for signal, uid, notifier in (
        (workflow_approved, WAGTAIL_APPROVED_UID, ApprovalNotifier()),
        (workflow_rejected, WAGTAIL_REJECTED_UID, RejectionNotifier()),
    ):
        signal.disconnect(sender=WorkflowState, dispatch_uid=uid)
        signal.connect(notifier, sender=WorkflowState, dispatch_uid=uid)
    workflow_approved.connect(
        project_approved_handler,
        sender=WorkflowState,
        dispatch_uid="contribution.project_approved_handler",
    )
    workflow_rejected.connect(
        project_rejected_handler,
        sender=WorkflowState,
        dispatch_uid="contribution.project_rejected_handler",
    )
