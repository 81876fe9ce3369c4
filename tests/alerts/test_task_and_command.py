"""The beat task and the command send the same digests; the command shows progress."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from search.alerts.models import SavedSearch
from search.alerts.tasks import alerts_digest_send
from tests.alerts.conftest import ONE_DAY, saved_search
from tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(make_user, settings):
    settings.ELASTICSEARCH_URL = ""
    published = datetime.datetime.now(datetime.UTC) - datetime.timedelta(hours=1)
    ProjectFactory(first_published_at=published, last_published_at=published)
    for _ in range(2):
        saved_search(make_user(), "", since=published - ONE_DAY)


def test_the_beat_task_is_scheduled_daily_and_sends(news, settings, mailoutbox):
    entry = settings.CELERY_BEAT_SCHEDULE["alerts-digest-daily"]
    assert entry["task"] == alerts_digest_send.name
    assert alerts_digest_send.delay().get() == 2
    assert len(mailoutbox) == 2
    assert alerts_digest_send.delay().get() == 0  # a second run sends nothing


def test_the_command_reports_progress(news, mailoutbox):
    out = StringIO()
    call_command("alerts_digest_send", stdout=out)
    assert "Digests" in out.getvalue() and "2/2" in out.getvalue()
    assert "2 sent, 0 failed" in out.getvalue()
    day_ago = datetime.datetime.now(datetime.UTC) - ONE_DAY
    assert all(s.last_sent_at > day_ago for s in SavedSearch.objects.all())


def test_runs_never_overlap(news, mailoutbox):
    from django.core.cache import cache

    from search.alerts.digest import LOCK_KEY

    cache.add(LOCK_KEY, "1", timeout=60)
    with pytest.raises(CommandError, match="in progress"):
        call_command("alerts_digest_send", stdout=StringIO())
    assert mailoutbox == []
