"""Queueing Celery tasks so that a save never fails because the broker is away.

`task_enqueue` is the one way the portal queues work. A durable task is first
written to the task outbox, in the caller's transaction, then published once that
transaction commits; the row is deleted when the broker accepted the message. If
the broker is down the publish fails fast (no connection retry inside a web
request; a circuit then skips the broker for a few seconds), is logged, and the row
waits for `task_outbox_resend`, which beat runs every minute. Tasks are idempotent
(they re-fetch by id and check what was already done), so a resend harms nothing.

With CELERY_TASK_ALWAYS_EAGER (the embedded default and the tests) the task runs
in place at commit; if it fails (SMTP away), its row stays for the resend too.
"""

import logging
from dataclasses import dataclass
from datetime import timedelta

from celery import Task, current_app
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from portal.core.circuit import CircuitBreaker
from portal.core.models import TaskOutbox

logger = logging.getLogger(__name__)

broker_circuit = CircuitBreaker(
    name="broker", open_seconds=getattr(settings, "BROKER_CIRCUIT_SECONDS", 10.0)
)
# One connection attempt, bounded: a web request waits at most about a second.
FAIL_FAST_TRANSPORT_OPTIONS = {
    "max_retries": 0,
    "socket_connect_timeout": 1.0,
    "socket_timeout": 2.0,
}


def task_enqueue(
    task: Task, *args, durable: bool = True, after_commit: bool = True, **kwargs
) -> None:
    """Run `task(*args, **kwargs)` in a worker once the current transaction commits.

    Arguments must be JSON values (ids, strings, lists). `durable=False` is for
    tasks whose work is already recorded elsewhere (the search outbox drain): a
    lost message is then harmless, so no outbox row is written. `after_commit=False`
    publishes at once, for messages that do not depend on the transaction.
    """
    if not durable:
        publish = lambda: task_publish(task=task, args=args, kwargs=kwargs)  # noqa: E731
    else:
        row = TaskOutbox.objects.create(
            task_name=task.name, args=list(args), kwargs=kwargs
        )
        row_id = row.pk
        publish = lambda: _publish_row(row_id, task, args, kwargs)  # noqa: E731
    if after_commit:
        transaction.on_commit(publish)
    else:
        publish()


def task_publish(*, task: Task, args, kwargs) -> str | None:
    """Hand one message to the broker (or run it, when eager); the error, or None.

    Never raises: the caller keeps what it needs to try again later.
    """
    eager = task.app.conf.task_always_eager
    if not eager and broker_circuit.is_open:
        return "broker unavailable (circuit open)"
    try:
        if eager:
            task.apply_async(args=list(args), kwargs=dict(kwargs))
        else:
            with task.app.connection_for_write(
                transport_options=FAIL_FAST_TRANSPORT_OPTIONS
            ) as connection:
                task.apply_async(
                    args=list(args),
                    kwargs=dict(kwargs),
                    connection=connection,
                    retry=False,
                    ignore_result=True,
                )
    except Exception as error:  # noqa: BLE001 — whatever failed, the caller keeps it
        if not eager:
            broker_circuit.record_failure()
        logger.warning("task %s not sent now: %s", task.name, error)
        return f"{type(error).__name__}: {error}"[:2000]
    if not eager:
        broker_circuit.record_success()
    return None


def _publish_row(row_id: int, task: Task, args, kwargs) -> None:
    error = task_publish(task=task, args=args, kwargs=kwargs)
    rows = TaskOutbox.objects.filter(pk=row_id)
    try:
        if error is None:
            rows.delete()
        else:
            rows.update(attempts=1, last_error=error)
    except Exception:  # noqa: BLE001 — the database blinked: the resend has the row
        logger.warning("task outbox row %s not updated", row_id, exc_info=True)


@dataclass
class ResendReport:
    sent: int = 0
    failed: int = 0
    remaining: int = 0


def task_outbox_resend(
    *, min_age_seconds: float | None = None, limit: int = 500
) -> ResendReport:
    """Publish outbox rows older than `min_age_seconds`, oldest first.

    Young rows are left to their own commit-time publish. Stops at the first broker
    failure: the rest waits for the next run.
    """
    if min_age_seconds is None:
        min_age_seconds = settings.TASK_OUTBOX_RESEND_AFTER_SECONDS
    app = current_app
    app.loader.import_default_modules()  # every task, also outside autodiscovery
    cutoff = timezone.now() - timedelta(seconds=min_age_seconds)
    report = ResendReport()
    broker_circuit.reset()  # a periodic run always tries the broker once
    for row in TaskOutbox.objects.filter(created_at__lte=cutoff).order_by("pk")[:limit]:
        task = app.tasks.get(row.task_name)
        error = (
            f"unknown task {row.task_name}"
            if task is None
            else task_publish(task=task, args=row.args, kwargs=row.kwargs)
        )
        if error is None:
            TaskOutbox.objects.filter(pk=row.pk).delete()
            report.sent += 1
            continue
        report.failed += 1
        TaskOutbox.objects.filter(pk=row.pk).update(
            attempts=row.attempts + 1, last_error=error
        )
        if broker_circuit.is_open:
            break
    report.remaining = TaskOutbox.objects.count()
    return report
