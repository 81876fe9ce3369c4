"""The periodic resend of the task outbox (see portal/core/queue.py)."""

from celery import shared_task

from portal.core.queue import task_outbox_resend


@shared_task(ignore_result=True)
def task_outbox_resend_task() -> int:
    """Publish the tasks the broker missed; returns how many were sent."""
    return task_outbox_resend().sent
