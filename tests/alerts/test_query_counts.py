"""Collecting the digests costs the same number of queries for 3 users as for 9;
sending adds exactly one write per e-mail sent (the period of that user)."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext

from projects.models import ProjectDataset
from search.alerts.digest import digest_period_end, digests_collect, digests_send
from search.alerts.models import Follow
from tests.alerts.conftest import ONE_DAY, saved_search
from tests.factories import DatasetFactory, EvaluationFactory, ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def database_search(settings):
    settings.ELASTICSEARCH_URL = ""


def add_readers(count: int, *, make_user, now, followed):
    since = now - ONE_DAY
    for _ in range(count):
        user = make_user()
        saved_search(user, "q=mammographie", since=since)
        for target in followed:
            Follow.objects.create(
                user=user,
                content_type=ContentType.objects.get_for_model(target),
                object_id=target.pk,
                last_sent_at=since,
            )


def queries(function) -> int:
    with CaptureQueriesContext(connection) as captured:
        function()
    return len(captured)


def test_digest_queries_do_not_grow_with_users(make_user, now):
    recent = now - datetime.timedelta(hours=2)
    dataset = DatasetFactory()
    project = ProjectFactory(
        summary="Lecture de la mammographie.",
        first_published_at=recent,
        last_published_at=recent,
    )
    ProjectDataset.objects.create(project=project, dataset=dataset)
    EvaluationFactory(project=project)
    followed = [project, project.lead_team, dataset]
    ContentType.objects.clear_cache()

    def collect():
        digests = digests_collect(period_end=digest_period_end(now=now), now=now)
        assert all(digest.item_count == 5 for digest in digests)

    add_readers(3, make_user=make_user, now=now, followed=followed)
    collect()  # the first search of a process reads the facet labels once
    for_three = queries(collect)
    add_readers(6, make_user=make_user, now=now, followed=followed)
    for_nine = queries(collect)
    # Most of these are the database search itself, run once for the
    # one distinct saved query; the rest is one query per kind of alert.
    assert for_three == for_nine


def test_sending_writes_once_per_table_per_email(make_user, now, mailoutbox):
    recent = now - datetime.timedelta(hours=2)
    ProjectFactory(
        summary="Lecture de la mammographie.",
        first_published_at=recent,
        last_published_at=recent,
    )
    add_readers(3, make_user=make_user, now=now, followed=[])
    # The first search of a process reads the facet labels once: not per e-mail.
    digests_collect(period_end=digest_period_end(now=now), now=now)
    collect_only = queries(
        lambda: digests_collect(period_end=digest_period_end(now=now), now=now)
    )
    sending = queries(lambda: digests_send(now=now))
    assert len(mailoutbox) == 3
    # Saved searches only (no follows): one UPDATE per user sent to.
    assert sending == collect_only + 3


def test_my_alerts_page_queries_do_not_grow_with_alerts(client, make_user):
    from django.urls import reverse

    from search.alerts.models import SavedSearch
    from tests.factories import TeamFactory

    user = make_user()
    client.force_login(user)

    def add_alerts(count: int) -> None:
        for n in range(count):
            SavedSearch.objects.create(user=user, name=f"R{n}", query_string="q=IRM")
            for target in (ProjectFactory(), TeamFactory(), DatasetFactory()):
                Follow.objects.create(
                    user=user,
                    content_type=ContentType.objects.get_for_model(target),
                    object_id=target.pk,
                )

    url = reverse("alerts:my_alerts")
    add_alerts(2)
    client.get(url)  # warm the content-type cache
    few = queries(lambda: client.get(url))
    add_alerts(8)
    many = queries(lambda: client.get(url))
    assert few == many
