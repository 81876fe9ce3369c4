"""Background work of the researchers' space; tasks re-fetch by id."""

from smtplib import SMTPException

from celery import shared_task

from projects.contribution.notifications import project_moderation_notify_author


@shared_task(
    bind=True,
    autoretry_for=(SMTPException, ConnectionError),
    retry_backoff=True,
    max_retries=5,
)
def project_moderation_notify(self, workflow_state_id: int, decision: str) -> int:
    """E-mail a project's author the moderators' decision; returns the number sent."""
    return project_moderation_notify_author(
        workflow_state_id=workflow_state_id, decision=decision
    )
