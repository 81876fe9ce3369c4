"""Background work on evaluations; each task re-fetches by id and calls a service."""

from smtplib import SMTPException

from celery import shared_task

from projects.evaluations.notifications import (
    evaluation_assignment_notify_assignee,
    evaluation_request_notify_staff,
)


@shared_task(
    bind=True,
    autoretry_for=(SMTPException, ConnectionError),
    retry_backoff=True,
    max_retries=5,
)
def evaluation_request_notify(self, evaluation_id: int) -> int:
    """E-mail moderators and evaluators about a new request; returns the number sent."""
    return evaluation_request_notify_staff(evaluation_id=evaluation_id)


@shared_task(
    bind=True,
    autoretry_for=(SMTPException, ConnectionError),
    retry_backoff=True,
    max_retries=5,
)
def evaluation_assignment_notify(self, evaluation_id: int, assignee_id: int) -> int:
    """E-mail the evaluator an evaluation was assigned to; returns the number sent."""
    return evaluation_assignment_notify_assignee(
        evaluation_id=evaluation_id, assignee_id=assignee_id
    )
