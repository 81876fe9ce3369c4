"""Background work on projects; each task re-fetches by id and calls a service."""

from smtplib import SMTPException

from celery import shared_task

from projects.notifications import project_publication_notify_members


@shared_task(
    bind=True,
    autoretry_for=(SMTPException, ConnectionError),
    retry_backoff=True,
    max_retries=5,
)
def project_publication_notify(self, project_id: int) -> int:
    """E-mail the members of a just-published project; returns the number sent."""
    return project_publication_notify_members(project_id=project_id)
