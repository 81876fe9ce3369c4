"""With Redis, the broker or Elasticsearch unreachable, the portal answers every page,
API read and write without a 500, loses no write, and every queued e-mail or index
update is delivered once the service is back (the periodic resend, the drain).

Before issue 17, a closed Redis port made 18 of 21 requests answer 500 and a closed
broker port made each write answer 500 after saving its row (the contact request
after 19.9 s), leaving the e-mail unsent for good.
"""

import pytest
from django.core import mail
from django.core.cache import cache

from portal.core.models import TaskOutbox
from portal.core.queue import task_outbox_resend
from projects.collaboration.models import ContactRequest
from search.models import SearchOutbox
from tests.faults.conftest import TALLY, CountingClient
from tests.faults.journey import Stored, journey

pytestmark = [pytest.mark.services, pytest.mark.django_db]

ALL_STORED = Stored(error_reports=1, evaluations=1, contact_requests=1, projects=2)
# A write under a dead broker used to take 19.9 s; now one refused connection.
SLOWEST_ALLOWED_SECONDS = 5.0
QUEUED_TASKS = {
    "portal.feedback.tasks.error_report_notify_moderators",
    "projects.collaboration.tasks.contact_request_send",
    "projects.evaluations.tasks.evaluation_request_notify",
}


@pytest.fixture(autouse=True)
def _clean(generous_throttles):
    cache.clear()
    yield
    cache.clear()


def run_journey(client, scene, capture, *, fault: str, tag: str) -> Stored:
    errors_before = len(TALLY.server_errors)
    stored = journey(CountingClient(client, fault), scene, capture, tag=tag)
    assert TALLY.server_errors[errors_before:] == []
    assert stored == ALL_STORED  # no lost write
    return stored


def recipients() -> list[str]:
    return sorted(address for message in mail.outbox for address in message.to)


EXPECTED_RECIPIENTS = sorted(
    [
        "moderatrice@example.org",  # the error report
        "direction@chu-test.fr",  # the contact request, to the team's lead
        "moderatrice@example.org",  # the evaluation request…
        "evaluatrice@example.org",  # …to moderators and evaluators
        "expediteur@example.org",  # allauth's confirmation, asked for by the login
    ]
)


def test_cache_down_pages_and_writes_answer_and_mail_leaves(
    client, scene, cache_down, django_capture_on_commit_callbacks, caplog
):
    run_journey(
        client, scene, django_capture_on_commit_callbacks, fault="cache", tag="c"
    )
    assert recipients() == EXPECTED_RECIPIENTS
    assert not TaskOutbox.objects.exists()
    # The wrapper noticed during the journey, and served uncached…
    assert "cache unavailable" in caplog.text
    # …and, Redis still away, the next call finds it so. (Not asked right after
    # the journey: the circuit opens for 0.5 s, which a slow journey outlasts.)
    assert cache.get("any key") is None
    assert not cache.available


@pytest.mark.parametrize("with_cache_down", [False, True], ids=["broker", "redis"])
def test_broker_down_writes_are_kept_and_sent_after_recovery(
    request,
    client,
    scene,
    broker_down,
    broker_recovered,
    with_cache_down,
    django_capture_on_commit_callbacks,
):
    if with_cache_down:  # Redis as both cache and broker
        request.getfixturevalue("cache_down")
    fault = "redis" if with_cache_down else "broker"
    run_journey(client, scene, django_capture_on_commit_callbacks, fault=fault, tag="b")
    assert TALLY.slowest < SLOWEST_ALLOWED_SECONDS

    assert mail.outbox == []  # nothing could leave…
    assert QUEUED_TASKS <= set(TaskOutbox.objects.values_list("task_name", flat=True))
    contact = ContactRequest.objects.get()
    assert contact.status == ContactRequest.Status.PENDING
    health = CountingClient(client, fault).get("/sante/")
    assert health.status_code == 200
    broker = health.json()["checks"]["broker"]
    assert broker["status"] == "down" and broker["error"] != "timeout"  # refused
    assert health.json()["checks"]["outbox"]["tasks_pending"] == 0  # uncommitted here
    assert health.json()["status"] == "degraded"

    broker_recovered()
    report = task_outbox_resend(min_age_seconds=0)
    assert (report.failed, report.remaining) == (0, 0)
    assert recipients() == EXPECTED_RECIPIENTS  # …and all of it did, once
    contact.refresh_from_db()
    assert contact.status == ContactRequest.Status.SENT
    assert task_outbox_resend(min_age_seconds=0).sent == 0
    assert recipients() == EXPECTED_RECIPIENTS


def test_search_engine_down_writes_wait_in_the_outbox_and_reach_the_index(
    client, scene, search_engine, settings, django_capture_on_commit_callbacks
):
    from search.client import es_reset
    from search.indexing import search_outbox_drain
    from tests.conftest import rebuild_all
    from tests.faults.conftest import closed_port

    rebuild_all()
    engine_url = settings.ELASTICSEARCH_URL
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{closed_port()}"
    es_reset()

    run_journey(
        client, scene, django_capture_on_commit_callbacks, fault="search", tag="s"
    )
    scene.project.title = "Sepsis : alerte précoce renommée pendant la panne"
    with django_capture_on_commit_callbacks(execute=True):
        scene.project.save()
    found = CountingClient(client, "search").get("/api/v1/search/?q=renommée")
    assert found.status_code == 200  # the database fallback answers
    health = CountingClient(client, "search").get("/sante/")
    assert health.status_code == 200
    assert health.json()["checks"]["search"]["status"] == "down"
    assert SearchOutbox.objects.filter(object_id=scene.project.pk).exists()

    settings.ELASTICSEARCH_URL = engine_url
    es_reset()
    report = search_outbox_drain()
    assert report.failed == 0
    assert not SearchOutbox.objects.exists()
    results = client.get("/api/v1/search/?q=renommée").json()
    assert scene.project.title in str(results)
