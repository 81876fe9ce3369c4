"""Saved searches: a digest holds exactly the new public projects the search finds,
with the database fallback and with the real Elasticsearch."""

import datetime

import pytest

from projects.models import ProjectDataset
from search.alerts.digest import digests_send
from search.alerts.models import Frequency, SavedSearch
from tests.alerts.conftest import ONE_DAY, database_only, saved_search
from tests.factories import DatasetFactory, ProjectFactory

pytestmark = pytest.mark.django_db
HOUR = datetime.timedelta(hours=1)


def project(title: str, *, dataset, first, last=None, live=True):
    created = ProjectFactory(
        title=title,
        acronym="",
        summary="Lecture automatique de la mammographie de dépistage.",
        live=live,
        first_published_at=first,
        last_published_at=last or first,
    )
    ProjectDataset.objects.create(project=created, dataset=dataset)
    return created


@pytest.fixture
def scene(now):
    snds = DatasetFactory(name="Système national des données de santé", acronym="SNDS")
    cohort = DatasetFactory(name="Constances", acronym="CONST")
    since = now - ONE_DAY
    recent = now - 2 * HOUR
    return {
        "snds": snds,
        "since": since,
        "new": project("Dépistage du cancer du sein", dataset=snds, first=recent),
        "updated": project(
            "Mammographie et densité mammaire",
            dataset=snds,
            first=since - 30 * ONE_DAY,
            last=recent,
        ),
        "draft": project(
            "Mammographie brouillon", dataset=snds, first=recent, live=False
        ),
        "before": project(
            "Mammographie publiée avant", dataset=snds, first=since - HOUR
        ),
        "other_facet": project("Mammographie et cohorte", dataset=cohort, first=recent),
        "no_match": ProjectFactory(
            title="Électrocardiogramme et arythmies",
            summary="Détection de la fibrillation atriale.",
            first_published_at=recent,
            last_published_at=recent,
        ),
    }


def digest_links(message) -> list[str]:
    return [line.strip() for line in message.body.splitlines() if "/projets/" in line]


def test_digest_holds_exactly_the_new_matching_public_projects(
    engine, scene, make_user, now, mailoutbox
):
    user = make_user()
    search = saved_search(
        user, f"q=mammographie&dataset={scene['snds'].pk}", since=scene["since"]
    )
    engine()

    report = digests_send(now=now)

    assert report.sent == 1 and len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == [user.email]
    links = digest_links(message)
    expected = {scene["new"], scene["updated"]}
    assert sorted(links) == sorted(
        f"http://127.0.0.1:8000{p.get_absolute_url()}" for p in expected
    )
    for absent in ("draft", "before", "other_facet", "no_match"):
        assert scene[absent].get_absolute_url() not in message.body
        assert scene[absent].get_absolute_url() not in message.alternatives[0][0]
    assert "nouveau projet" in message.body and "projet mis à jour" in message.body
    search.refresh_from_db()
    assert search.last_sent_at == report.period_end


def test_nothing_is_sent_twice_and_later_news_comes_next_time(
    engine, scene, make_user, now, mailoutbox
):
    user = make_user()
    saved_search(
        user, f"q=mammographie&dataset={scene['snds'].pk}", since=scene["since"]
    )
    engine()
    digests_send(now=now)
    assert len(mailoutbox) == 1

    # The same run again (beat firing twice): empty period, no e-mail.
    second = digests_send(now=now)
    assert second.sent == 0 and len(mailoutbox) == 1

    later = project("Mammographie, troisième projet", dataset=scene["snds"], first=now)
    engine()
    third = digests_send(now=now + ONE_DAY)
    assert third.sent == 1 and len(mailoutbox) == 2
    assert digest_links(mailoutbox[1]) == [
        f"http://127.0.0.1:8000{later.get_absolute_url()}"
    ]


def test_no_email_when_nothing_new_but_the_period_moves_on(
    engine, make_user, now, mailoutbox
):
    user = make_user()
    search = saved_search(user, "q=radiothérapie", since=now - ONE_DAY)
    engine()
    report = digests_send(now=now)
    assert report.sent == 0 and mailoutbox == []
    search.refresh_from_db()
    assert search.last_sent_at == report.period_end


def test_weekly_searches_wait_for_their_day(
    scene, make_user, now, settings, mailoutbox
):
    database_only(settings)
    user = make_user()
    saved_search(
        user,
        f"q=mammographie&dataset={scene['snds'].pk}",
        since=scene["since"],
        frequency=Frequency.WEEKLY,
    )
    today = now.astimezone(datetime.UTC).weekday()
    settings.TIME_ZONE = "UTC"
    settings.ALERTS_WEEKLY_WEEKDAY = (today + 1) % 7
    assert digests_send(now=now).users == 0 and mailoutbox == []
    settings.ALERTS_WEEKLY_WEEKDAY = today
    assert digests_send(now=now).sent == 1
    assert len(digest_links(mailoutbox[0])) == 2


def test_paused_searches_and_inactive_users_get_nothing(
    scene, make_user, now, settings, mailoutbox
):
    database_only(settings)
    query = f"q=mammographie&dataset={scene['snds'].pk}"
    saved_search(make_user(), query, since=scene["since"], active=False)
    saved_search(make_user(is_active=False), query, since=scene["since"])
    saved_search(make_user(email=""), query, since=scene["since"])
    assert digests_send(now=now).users == 0
    assert mailoutbox == []


def test_a_failed_send_keeps_the_period_for_the_retry(
    scene, make_user, now, settings, mailoutbox
):
    database_only(settings)
    settings.EMAIL_BACKEND = "tests.alerts.mail.RefusingBackend"
    query = f"q=mammographie&dataset={scene['snds'].pk}"
    refused = saved_search(
        make_user(email="refusee@example.org"), query, since=scene["since"]
    )
    accepted = saved_search(make_user(), query, since=scene["since"])

    report = digests_send(now=now)
    assert (report.sent, report.failed) == (1, 1)
    refused.refresh_from_db()
    accepted.refresh_from_db()
    assert refused.last_sent_at == scene["since"]
    assert accepted.last_sent_at == report.period_end

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    retry = digests_send(now=now)
    assert retry.sent == 1
    # The accepted user got theirs in the first run, and nothing again.
    assert [m.to for m in mailoutbox] == [[accepted.user.email], [refused.user.email]]
    assert len(digest_links(mailoutbox[1])) == 2


def test_an_invalid_saved_search_is_skipped_not_fatal(make_user, now, settings):
    database_only(settings)
    ProjectFactory(first_published_at=now - HOUR, last_published_at=now - HOUR)
    saved_search(
        make_user(), "page_size=0&search_after=pas-du-json", since=now - ONE_DAY
    )
    assert digests_send(now=now).sent == 0
    assert SavedSearch.objects.get().last_sent_at is not None


def test_the_index_lag_holds_the_period_back(make_user, now, search_engine, settings):
    """A publication still waiting in the outbox is reported once it is indexed."""
    from search.models import SearchOutbox

    published = now - 2 * HOUR
    pending = ProjectFactory(first_published_at=published, last_published_at=published)
    SearchOutbox.objects.update_or_create(
        search_type="project", object_id=pending.pk, defaults={"dirtied_at": published}
    )
    saved_search(make_user(), "", since=now - ONE_DAY)
    report = digests_send(now=now)
    assert report.period_end == published
    assert SavedSearch.objects.get().last_sent_at == published
