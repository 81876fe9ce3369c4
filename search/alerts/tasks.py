"""Background work of alerts: the digest, run by Celery beat every morning."""

from smtplib import SMTPException

from celery import shared_task

from search.alerts.digest import digests_send


class DigestIncomplete(Exception):
    """Some digests were not accepted by the mail server: retry those (only)."""


@shared_task(
    autoretry_for=(SMTPException, ConnectionError, DigestIncomplete),
    retry_backoff=60,
    retry_backoff_max=3600,
    max_retries=5,
    ignore_result=True,
)
def alerts_digest_send() -> int:
    """Send the due digests; a retry re-sends only to users whose e-mail failed,
    since everyone else's period has moved on. Returns how many were sent."""
    report = digests_send()
    if report.failed:
        raise DigestIncomplete(f"{report.failed} digest(s) not sent")
    return report.sent
