"""A Redis of the test's own, as cache and broker: up, stopped, restarted.

While it is stopped the portal runs uncached and keeps every queued task in the
outbox; once it is back the cache serves again, the resend publishes the kept
tasks to the real queue, and running the queued messages (what a worker does)
sends every e-mail.
"""

import time

import pytest
from django.core import mail
from django.core.cache import cache

from portal.celery import app as celery_app
from portal.core.models import TaskOutbox
from portal.core.queue import task_outbox_resend
from projects.collaboration.models import ContactRequest
from tests.faults.conftest import TALLY, CountingClient, redis_cache_settings
from tests.faults.journey import journey
from tests.faults.test_services_down import ALL_STORED, QUEUED_TASKS

pytestmark = [pytest.mark.services, pytest.mark.django_db]


def run(client, scene, capture, tag):
    errors_before = len(TALLY.server_errors)
    stored = journey(CountingClient(client, "redis-server"), scene, capture, tag=tag)
    assert TALLY.server_errors[errors_before:] == []
    assert stored == ALL_STORED


def test_stopping_and_restarting_redis_loses_nothing(
    client,
    scene,
    settings,
    redis_server,
    broker_at,
    generous_throttles,
    django_capture_on_commit_callbacks,
):
    settings.CACHES = redis_cache_settings(redis_server.url)
    broker_at(redis_server.url)
    queue_name = settings.CELERY_TASK_DEFAULT_QUEUE

    # Up: cached, and tasks go straight to the queue.
    cache.set("faults:probe", "avant")
    assert cache.get("faults:probe") == "avant"
    run(client, scene, django_capture_on_commit_callbacks, "up")
    assert not TaskOutbox.objects.exists()
    published_while_up = redis_server.queued_messages(queue_name)
    assert QUEUED_TASKS <= {message["task"] for message in published_while_up}

    # Stopped: uncached (a miss, not an error), tasks kept in the outbox.
    redis_server.stop()
    assert cache.get("faults:probe") is None
    cache.set("faults:probe", "pendant")  # lost: Redis must not keep "avant"
    run(client, scene, django_capture_on_commit_callbacks, "down")
    kept = set(TaskOutbox.objects.values_list("task_name", flat=True))
    assert QUEUED_TASKS <= kept
    assert ContactRequest.objects.filter(status="pending").count() == 2

    # Restarted (with its append-only file): the circuit closes, the cache serves,
    # the stale key written during the outage is gone, the resend publishes.
    redis_server.start()
    time.sleep(0.6)  # the test's circuit stays open 0.5 s
    assert cache.get("faults:probe") is None
    cache.set("faults:probe", "après")
    assert cache.get("faults:probe") == "après"
    report = task_outbox_resend(min_age_seconds=0)
    assert (report.failed, report.remaining) == (0, 0)
    messages = redis_server.queued_messages(queue_name)
    assert len(messages) == len(published_while_up) + report.sent

    # A worker's part: run each queued message once.
    for message in messages:
        celery_app.tasks[message["task"]].apply(
            args=message["args"], kwargs=message["kwargs"]
        )
    assert set(ContactRequest.objects.values_list("status", flat=True)) == {"sent"}
    contact_mails = [m for m in mail.outbox if m.to == ["direction@chu-test.fr"]]
    report_mails = [m for m in mail.outbox if "signalement" in m.subject]
    assert (len(contact_mails), len(report_mails)) == (2, 2)
