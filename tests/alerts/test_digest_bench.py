"""How long a digest run takes for many users, with each engine (not part of the
suite: `ALERTS_BENCH=1 pytest -s tests/alerts/test_digest_bench.py`).

USERS users each save one of QUERIES distinct searches and follow a project, a team
and a dataset; PROJECTS public projects, a tenth of them published in the period."""

import datetime
import os
import time

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext

from projects.models import ProjectDataset
from search.alerts.digest import digests_send
from search.alerts.models import Follow, SavedSearch
from tests.alerts.conftest import ONE_DAY
from tests.factories import DatasetFactory, ProjectFactory, TeamFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not os.environ.get("ALERTS_BENCH"), reason="set ALERTS_BENCH=1 to measure"
    ),
]
USERS, QUERIES, PROJECTS = 2000, 20, 400
WORDS = ["imagerie", "cardiologie", "cancer", "langage", "sommeil"]


def query_for(n: int, teams) -> str:
    """QUERIES distinct searches: a word and a team facet."""
    team = teams[(n // len(WORDS)) % (QUERIES // len(WORDS))]
    return f"q={WORDS[n % len(WORDS)]}&team={team.pk}"


def test_digest_run_time(engine, django_user_model, now, mailoutbox):
    since = now - ONE_DAY
    teams = [TeamFactory() for _ in range(10)]
    datasets = [DatasetFactory() for _ in range(10)]
    projects = []
    for n in range(PROJECTS):
        published = now - (
            2 * datetime.timedelta(hours=1) if n % 10 == 0 else 3 * ONE_DAY
        )
        project = ProjectFactory(
            summary=f"Projet de {WORDS[n % len(WORDS)]} numéro {n}.",
            lead_team=teams[n % 10],
            first_published_at=published,
            last_published_at=published,
        )
        ProjectDataset.objects.create(project=project, dataset=datasets[n % 10])
        projects.append(project)
    users = django_user_model.objects.bulk_create(
        django_user_model(username=f"u{n}", email=f"u{n}@example.org")
        for n in range(USERS)
    )
    SavedSearch.objects.bulk_create(
        SavedSearch(
            user=user,
            name="Veille",
            query_string=query_for(n, teams),
            last_sent_at=since,
        )
        for n, user in enumerate(users)
    )
    types = {
        model: ContentType.objects.get_for_model(model).pk
        for model in (type(projects[0]), type(teams[0]), type(datasets[0]))
    }
    Follow.objects.bulk_create(
        Follow(
            user=user,
            content_type_id=types[type(target)],
            object_id=target.pk,
            last_sent_at=since,
        )
        for n, user in enumerate(users)
        for target in (projects[n % PROJECTS], teams[n % 10], datasets[n % 10])
    )
    engine()

    started = time.monotonic()
    with CaptureQueriesContext(connection) as queries:
        report = digests_send(now=now)
    elapsed = time.monotonic() - started
    print(
        f"\n{USERS} users, {QUERIES} distinct searches: {report.sent} e-mails in "
        f"{elapsed:.1f} s, {len(queries)} queries"
    )
    assert report.sent == len(mailoutbox) > 0
