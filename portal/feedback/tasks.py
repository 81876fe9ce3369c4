"""Background e-mails of error reports; each task re-fetches by id."""

from smtplib import SMTPException

from celery import shared_task

from portal.feedback.notifications import (
    error_report_moderators_notify,
    error_report_reporter_answer,
)


@shared_task(
    autoretry_for=(SMTPException, ConnectionError),
    retry_backoff=True,
    max_retries=5,
)
def error_report_notify_moderators(report_id: int) -> int:
    return error_report_moderators_notify(report_id=report_id)


@shared_task(
    autoretry_for=(SMTPException, ConnectionError),
    retry_backoff=True,
    max_retries=5,
)
def error_report_answer_reporter(report_id: int) -> bool:
    return error_report_reporter_answer(report_id=report_id)
