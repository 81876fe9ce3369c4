"""Background work on accounts: every e-mail leaves through here."""

from smtplib import SMTPException

from celery import shared_task

from portal.accounts.notifications import (
    person_claim_decision_send,
    rendered_email_send,
)


@shared_task(
    bind=True,
    autoretry_for=(SMTPException, ConnectionError),
    retry_backoff=True,
    max_retries=5,
)
def person_claim_decision_notify(self, claim_id: int) -> int:
    """E-mail the account holder the moderator's decision on their ORCID claim."""
    return person_claim_decision_send(claim_id=claim_id)


@shared_task(
    bind=True,
    autoretry_for=(SMTPException, ConnectionError),
    retry_backoff=True,
    max_retries=5,
)
def account_email_send(
    self, subject: str, body: str, html: str, to: list[str], from_email: str
) -> int:
    """Send an account e-mail (confirmation link, reset link) rendered by allauth.

    The links inside are single-use and expire, so the message is sent as rendered
    rather than rebuilt in the worker.
    """
    return rendered_email_send(
        subject=subject, body=body, html=html, to=to, from_email=from_email
    )
