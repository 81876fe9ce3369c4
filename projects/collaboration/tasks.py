"""Background work of collaborations: each task re-fetches by id and calls a service."""

from smtplib import SMTPException

from celery import shared_task

from projects.collaboration.services import contact_request_deliver


@shared_task(
    autoretry_for=(SMTPException, ConnectionError),
    retry_backoff=True,
    max_retries=5,
)
def contact_request_send(contact_request_id: int) -> int:
    """E-mail a contact request to the team's contact; returns the number sent."""
    return contact_request_deliver(contact_request_id=contact_request_id)
