"""The task outbox: a queued task is kept with the change, published after commit,
kept when the broker refuses it, re-sent by the periodic task; nothing in the
code queues a task any other way."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.db import transaction

from portal.core.models import TaskOutbox
from portal.core.queue import broker_circuit, task_enqueue, task_outbox_resend
from portal.core.tasks import task_outbox_resend_task
from portal.feedback.models import ErrorReport
from portal.feedback.tasks import error_report_notify_moderators

pytestmark = [pytest.mark.services, pytest.mark.django_db]


@pytest.fixture
def report(moderator):
    return ErrorReport.objects.create(page_url="/", description="Un libellé faux.")


def test_a_rolled_back_change_queues_nothing(
    report, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            task_enqueue(error_report_notify_moderators, report.pk)
            raise RuntimeError("the save failed")
    assert callbacks == [] and not TaskOutbox.objects.exists()
    assert mail.outbox == []


def test_a_published_task_leaves_no_row(report, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        task_enqueue(error_report_notify_moderators, report.pk)
    assert not TaskOutbox.objects.exists()
    assert [message.to for message in mail.outbox] == [["moderatrice@example.org"]]


def test_a_refused_task_is_kept_then_resent_once(
    report, settings, broker_down, broker_recovered, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        task_enqueue(error_report_notify_moderators, report.pk)
    row = TaskOutbox.objects.get()
    assert (row.task_name, row.args, row.attempts) == (
        "portal.feedback.tasks.error_report_notify_moderators",
        [report.pk],
        1,
    )
    assert "OperationalError" in row.last_error
    assert broker_circuit.is_open  # the next writes do not try the broker again

    # Still down: the periodic run tries once, stops, keeps the row.
    assert task_outbox_resend(min_age_seconds=0).failed == 1
    assert TaskOutbox.objects.get().attempts == 2

    broker_recovered()
    settings.TASK_OUTBOX_RESEND_AFTER_SECONDS = 0
    assert task_outbox_resend_task.apply().get() == 1
    assert not TaskOutbox.objects.exists()
    assert len(mail.outbox) == 1


def test_young_rows_are_left_to_their_own_publish(report):
    TaskOutbox.objects.create(
        task_name="portal.feedback.tasks.error_report_notify_moderators",
        args=[report.pk],
    )
    assert task_outbox_resend().sent == 0  # younger than a minute
    assert task_outbox_resend(min_age_seconds=0).sent == 1


def test_an_unknown_task_stays_with_its_reason():
    TaskOutbox.objects.create(task_name="portal.nothing.here", args=[1])
    report = task_outbox_resend(min_age_seconds=0)
    assert (report.sent, report.failed, report.remaining) == (0, 1, 1)
    assert TaskOutbox.objects.get().last_error == "unknown task portal.nothing.here"


def test_beat_resends_every_minute():
    entry = settings.CELERY_BEAT_SCHEDULE["task-outbox-resend"]
    assert entry == {
        "task": "portal.core.tasks.task_outbox_resend_task",
        "schedule": 60.0,
    }
    assert task_outbox_resend_task.name == entry["task"]


def test_no_code_queues_a_task_around_the_outbox():
    """`.delay(` / `.apply_async(` only in portal/core/queue.py (tests aside)."""
    root = Path(settings.BASE_DIR)
    offenders = [
        f"{path.relative_to(root)}:{number}"
        for folder in ("portal", "registry", "projects", "search", "bench")
        for path in (root / folder).rglob("*.py")
        if path != root / "portal" / "core" / "queue.py"
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if re.search(r"\.(delay|apply_async)\(", line)
    ]
    assert offenders == []
