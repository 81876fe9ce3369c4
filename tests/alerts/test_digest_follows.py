"""Follows: a project's new public version and newly published evaluations, a team's
and a dataset's new public projects; nothing private, nothing older."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType

from projects.models import ProjectDataset
from registry.models import Evaluation
from search.alerts.digest import digests_send
from search.alerts.models import Follow
from tests.alerts.conftest import ONE_DAY
from tests.factories import (
    DatasetFactory,
    EvaluationFactory,
    ProjectFactory,
    ProjectPartnerFactory,
    TeamFactory,
)

pytestmark = pytest.mark.django_db
HOUR = datetime.timedelta(hours=1)


@pytest.fixture(autouse=True)
def database_search(settings):
    settings.ELASTICSEARCH_URL = ""  # follows do not search; no outbox lag either


def follow(user, target, since) -> Follow:
    return Follow.objects.create(
        user=user,
        content_type=ContentType.objects.get_for_model(target),
        object_id=target.pk,
        last_sent_at=since,
    )


def test_project_follow_reports_new_version_and_new_public_evaluations(
    make_user, now, mailoutbox
):
    since = now - ONE_DAY
    followed = ProjectFactory(
        first_published_at=since - 90 * ONE_DAY, last_published_at=now - 2 * HOUR
    )
    published = EvaluationFactory(project=followed, published_on=now.date())
    unpublished = EvaluationFactory(
        project=followed, status=Evaluation.Status.COMPLETED
    )
    older = EvaluationFactory(project=followed)
    Evaluation.objects.filter(pk=older.pk).update(updated_at=since - HOUR)
    elsewhere = EvaluationFactory()
    follow(make_user(), followed, since)

    assert digests_send(now=now).sent == 1
    body = mailoutbox[0].body
    assert followed.get_absolute_url() in body
    assert "nouvelle version publiée" in body
    assert published.get_absolute_url() in body
    assert "nouvelle évaluation publiée" in body
    for absent in (unpublished, older, elsewhere):
        assert absent.reference not in body


def test_project_follow_with_nothing_new_sends_nothing(make_user, now, mailoutbox):
    since = now - ONE_DAY
    followed = ProjectFactory(
        first_published_at=since - ONE_DAY, last_published_at=since - HOUR
    )
    follow(make_user(), followed, since)
    assert digests_send(now=now).sent == 0
    assert mailoutbox == []


def test_team_follow_reports_its_new_public_projects(make_user, now, mailoutbox):
    since = now - ONE_DAY
    team = TeamFactory(name="Laboratoire d’imagerie", acronym="LIM")
    recent = now - 2 * HOUR
    led = ProjectFactory(
        lead_team=team, first_published_at=recent, last_published_at=recent
    )
    partnered = ProjectFactory(first_published_at=recent, last_published_at=recent)
    ProjectPartnerFactory(project=partnered, team=team)
    draft = ProjectFactory(lead_team=team, live=False, first_published_at=None)
    old = ProjectFactory(
        lead_team=team, first_published_at=since - HOUR, last_published_at=recent
    )
    unrelated = ProjectFactory(first_published_at=recent, last_published_at=recent)
    follow(make_user(), team, since)

    assert digests_send(now=now).sent == 1
    body = mailoutbox[0].body
    assert "LIM – Laboratoire d’imagerie" in body
    assert led.get_absolute_url() in body and partnered.get_absolute_url() in body
    for absent in (draft, old, unrelated):
        assert absent.get_absolute_url() not in body


def test_dataset_follow_reports_new_public_projects_using_it(
    make_user, now, mailoutbox
):
    since = now - ONE_DAY
    snds = DatasetFactory(name="Système national des données de santé", acronym="SNDS")
    recent = now - 2 * HOUR

    def using(**kwargs):
        created = ProjectFactory(**kwargs)
        ProjectDataset.objects.create(project=created, dataset=snds)
        return created

    new = using(first_published_at=recent, last_published_at=recent)
    draft = using(live=False)
    old = using(first_published_at=since - ONE_DAY, last_published_at=recent)
    other = ProjectFactory(first_published_at=recent, last_published_at=recent)
    follow(make_user(), snds, since)

    assert digests_send(now=now).sent == 1
    body = mailoutbox[0].body
    assert new.get_absolute_url() in body
    for absent in (draft, old, other):
        assert absent.get_absolute_url() not in body


def test_one_email_per_user_with_a_section_per_alert(make_user, now, mailoutbox):
    since = now - ONE_DAY
    recent = now - 2 * HOUR
    team = TeamFactory()
    snds = DatasetFactory()
    project = ProjectFactory(
        lead_team=team, first_published_at=recent, last_published_at=recent
    )
    ProjectDataset.objects.create(project=project, dataset=snds)
    reader = make_user()
    other = make_user()
    for target in (team, snds, project):
        follow(reader, target, since)
    follow(other, team, since)

    report = digests_send(now=now)
    assert report.sent == 2
    by_address = {message.to[0]: message for message in mailoutbox}
    assert by_address[reader.email].body.count("Ne plus recevoir cette alerte") == 3
    assert by_address[other.email].body.count("Ne plus recevoir cette alerte") == 1
    assert "3 nouveautés" in by_address[reader.email].subject


def test_a_followed_project_unpublished_since_reports_nothing(
    make_user, now, mailoutbox
):
    since = now - ONE_DAY
    followed = ProjectFactory(
        live=False, first_published_at=since - ONE_DAY, last_published_at=now - HOUR
    )
    EvaluationFactory(project=followed)
    follow(make_user(), followed, since)
    assert digests_send(now=now).sent == 0
    assert mailoutbox == []
