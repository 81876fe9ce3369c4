"""The delay request → verdict recorded by the workflow feeds the dashboard; the
project page's history and request form cost the same queries however many
evaluations a project has."""

import datetime

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from projects.dashboard.filters import dashboard_filters
from projects.dashboard.indicators import indicator_evaluation_verdicts
from projects.evaluations.transitions import evaluation_assign, evaluation_transition
from registry.models import Evaluation
from tests.evaluations.conftest import fill_verdict, requested_evaluation
from tests.factories import EvaluationFactory

pytestmark = pytest.mark.django_db

Status = Evaluation.Status


def test_the_dashboard_median_reads_the_workflows_verdict_date(
    project, moderator, evaluator, criteria
):
    today = timezone.localdate()
    for days in (40, 100):
        evaluation = requested_evaluation(
            project, requested_on=today - datetime.timedelta(days=days)
        )
        evaluation_assign(evaluation=evaluation, assignee=evaluator, user=moderator)
        evaluation_transition(
            evaluation=evaluation, to_status=Status.IN_PROGRESS, user=evaluator
        )
        fill_verdict(evaluation, criteria)
        evaluation_transition(
            evaluation=evaluation, to_status=Status.COMPLETED, user=evaluator
        )
        evaluation_transition(
            evaluation=evaluation, to_status=Status.PUBLISHED, user=moderator
        )
        assert evaluation.days_to_verdict == days
    # Completed but not published: its delay is not public, so not counted.
    requested_evaluation(
        project,
        status=Status.COMPLETED,
        verdict="favourable",
        requested_on=today - datetime.timedelta(days=400),
        completed_on=today,
    )
    filters, _ = dashboard_filters(query=QueryDict(""))
    verdicts = indicator_evaluation_verdicts(filters=filters)
    assert verdicts["delays_counted"] == 2
    assert verdicts["median_days"] == 70


def count_page_queries(client, url) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("who", ["anonymous", "researcher"])
def test_project_page_queries_do_not_grow_with_evaluations(
    client, project, researcher, who
):
    if who == "researcher":
        client.force_login(researcher)
    url = project.get_absolute_url()
    EvaluationFactory(project=project)
    few = count_page_queries(client, url)
    for _ in range(8):
        EvaluationFactory(project=project)
    many = count_page_queries(client, url)
    assert few == many
    page = client.get(url).content.decode()
    assert page.count("inesia-") >= 9
    assert ("Demander une évaluation INESIA" in page) == (who == "researcher")
