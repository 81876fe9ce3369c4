"""The evaluation state machine: every (from, to) pair for every role, the
preconditions of each step, and the dated, attributed record each step leaves."""

import datetime
import itertools

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from projects.evaluations.transitions import (
    evaluation_assign,
    evaluation_history_from_dates,
    evaluation_transition,
)
from registry.models import Evaluation, EvaluationTransition
from tests.evaluations.conftest import fill_verdict, requested_evaluation

pytestmark = pytest.mark.django_db

Status = Evaluation.Status
ROLES = ["moderator", "evaluator", "other_evaluator", "researcher", "anonymous"]
# Legal moves and who may make them; every other pair is illegal for everyone.
ALLOWED = {
    (Status.REQUESTED, Status.IN_PROGRESS): {"evaluator"},
    (Status.IN_PROGRESS, Status.COMPLETED): {"evaluator"},
    (Status.COMPLETED, Status.PUBLISHED): {"moderator"},
    (Status.COMPLETED, Status.IN_PROGRESS): {"moderator", "evaluator"},
}
DATES = {
    Status.IN_PROGRESS: "started_on",
    Status.COMPLETED: "completed_on",
    Status.PUBLISHED: "published_on",
}


def evaluation_in(status, project, evaluator, criteria) -> Evaluation:
    """An evaluation at `status`, assigned and with a full verdict: only the role
    and the pair decide the outcome."""
    order = list(Status.values)
    reached = order[: order.index(status) + 1]
    day = datetime.date(2025, 3, 1)
    evaluation = requested_evaluation(
        project,
        status=status,
        assigned_to=evaluator,
        requested_on=day,
        started_on=day if Status.IN_PROGRESS in reached else None,
        completed_on=day if Status.COMPLETED in reached else None,
        published_on=day if Status.PUBLISHED in reached else None,
    )
    fill_verdict(evaluation, criteria)
    return evaluation


@pytest.mark.parametrize(
    "source,target,role", list(itertools.product(Status.values, Status.values, ROLES))
)
def test_transition_matrix(
    source, target, role, request, project, evaluator, criteria, researcher
):
    evaluation = evaluation_in(source, project, evaluator, criteria)
    user = AnonymousUser() if role == "anonymous" else request.getfixturevalue(role)
    allowed = ALLOWED.get((source, target))

    if allowed is None:
        with pytest.raises(ValidationError) as error:
            evaluation_transition(evaluation=evaluation, to_status=target, user=user)
        assert error.value.code == "illegal_transition"
    elif role not in allowed:
        with pytest.raises(PermissionDenied):
            evaluation_transition(evaluation=evaluation, to_status=target, user=user)
    else:
        step = evaluation_transition(
            evaluation=evaluation, to_status=target, user=user, comment="ok"
        )
        evaluation.refresh_from_db()
        assert evaluation.status == target
        assert (step.from_status, step.to_status) == (source, target)
        assert step.by == user and step.comment == "ok"
        if (source, target) == (Status.COMPLETED, Status.IN_PROGRESS):
            assert evaluation.completed_on is None  # reopened: the verdict is redone
        else:
            assert getattr(evaluation, DATES[target]) == timezone.localdate()
        return

    evaluation.refresh_from_db()
    assert evaluation.status == source, "a refused move changes nothing"
    assert not evaluation.transitions.exists()


def test_an_unknown_status_is_an_illegal_move(project, evaluator, criteria, moderator):
    evaluation = evaluation_in(Status.COMPLETED, project, evaluator, criteria)
    with pytest.raises(ValidationError) as error:
        evaluation_transition(
            evaluation=evaluation, to_status="withdrawn", user=moderator
        )
    assert error.value.code == "illegal_transition"


def test_a_full_run_is_dated_and_attributed_at_every_step(
    project, moderator, evaluator, criteria
):
    evaluation = requested_evaluation(project)
    evaluation_assign(evaluation=evaluation, assignee=evaluator, user=moderator)
    evaluation_transition(
        evaluation=evaluation, to_status=Status.IN_PROGRESS, user=evaluator
    )
    fill_verdict(evaluation, criteria)
    evaluation_transition(
        evaluation=evaluation, to_status=Status.COMPLETED, user=evaluator
    )
    evaluation_transition(
        evaluation=evaluation,
        to_status=Status.PUBLISHED,
        user=moderator,
        comment="Relu.",
    )

    evaluation.refresh_from_db()
    today = timezone.localdate()
    assert evaluation.status == Status.PUBLISHED
    assert (
        evaluation.started_on,
        evaluation.completed_on,
        evaluation.published_on,
    ) == (
        today,
        today,
        today,
    )
    steps = list(evaluation.transitions.order_by("at", "pk"))
    assert [(s.action, s.by, s.to_status) for s in steps] == [
        ("assign", moderator, Status.REQUESTED),
        ("start", evaluator, Status.IN_PROGRESS),
        ("complete", evaluator, Status.COMPLETED),
        ("publish", moderator, Status.PUBLISHED),
    ]
    assert steps[0].assignee == evaluator
    assert steps[-1].comment == "Relu." and steps[-1].by_label == "Moderatrice"
    assert all(step.at <= timezone.now() for step in steps)
    assert evaluation.days_to_verdict == (today - evaluation.requested_on).days


def test_starting_needs_an_assigned_evaluator(project, evaluator):
    evaluation = requested_evaluation(project)
    with pytest.raises(ValidationError) as error:
        evaluation_transition(
            evaluation=evaluation, to_status=Status.IN_PROGRESS, user=evaluator
        )
    assert "assigned_to" in error.value.message_dict


def test_a_verdict_needs_verdict_summary_and_every_criterion(
    project, evaluator, criteria
):
    evaluation = requested_evaluation(
        project, status=Status.IN_PROGRESS, assigned_to=evaluator
    )
    with pytest.raises(ValidationError) as error:
        evaluation_transition(
            evaluation=evaluation, to_status=Status.COMPLETED, user=evaluator
        )
    assert set(error.value.message_dict) == {"verdict", "summary", "scores"}
    assert criteria[0].name in error.value.message_dict["scores"][0]
    evaluation.refresh_from_db()
    assert evaluation.status == Status.IN_PROGRESS and evaluation.completed_on is None


def test_reopening_clears_the_verdict_date(project, evaluator, moderator, criteria):
    evaluation = evaluation_in(Status.COMPLETED, project, evaluator, criteria)
    evaluation_transition(
        evaluation=evaluation, to_status=Status.IN_PROGRESS, user=moderator
    )
    evaluation.refresh_from_db()
    assert evaluation.status == Status.IN_PROGRESS
    assert evaluation.completed_on is None and evaluation.verdict


def test_only_moderators_assign_and_only_evaluators_are_assigned(
    project, moderator, evaluator, other_evaluator, researcher
):
    evaluation = requested_evaluation(project)
    with pytest.raises(PermissionDenied):
        evaluation_assign(evaluation=evaluation, assignee=evaluator, user=evaluator)
    with pytest.raises(ValidationError):
        evaluation_assign(evaluation=evaluation, assignee=researcher, user=moderator)
    evaluation_assign(evaluation=evaluation, assignee=evaluator, user=moderator)
    evaluation_assign(evaluation=evaluation, assignee=other_evaluator, user=moderator)
    evaluation.refresh_from_db()
    assert evaluation.assigned_to == other_evaluator
    assert evaluation.transitions.filter(action="assign").count() == 2


def test_a_finished_evaluation_keeps_its_evaluator(
    project, moderator, evaluator, other_evaluator, criteria
):
    evaluation = evaluation_in(Status.COMPLETED, project, evaluator, criteria)
    with pytest.raises(ValidationError):
        evaluation_assign(
            evaluation=evaluation, assignee=other_evaluator, user=moderator
        )


def test_the_status_cannot_be_changed_around_the_transitions(project):
    evaluation = requested_evaluation(project)
    evaluation.status = Status.PUBLISHED
    with pytest.raises(ValidationError):
        evaluation.save()
    evaluation.refresh_from_db()
    assert evaluation.status == Status.REQUESTED
    # Other fields still save normally.
    evaluation.model_version = "2.0"
    evaluation.save()
    evaluation.refresh_from_db()
    assert evaluation.model_version == "2.0"


def test_history_from_dates_for_records_created_late(project):
    evaluation = requested_evaluation(
        project,
        status=Status.PUBLISHED,
        verdict="favourable",
        requested_on=datetime.date(2025, 3, 1),
        started_on=datetime.date(2025, 3, 20),
        completed_on=datetime.date(2025, 7, 1),
        published_on=datetime.date(2025, 8, 1),
    )
    assert evaluation_history_from_dates(evaluation=evaluation) == 4
    assert evaluation_history_from_dates(evaluation=evaluation) == 0
    steps = list(evaluation.transitions.all())
    paris = [timezone.localtime(step.at).date() for step in steps]
    assert paris == [
        datetime.date(2025, 3, 1),
        datetime.date(2025, 3, 20),
        datetime.date(2025, 7, 1),
        datetime.date(2025, 8, 1),
    ]
    assert [s.to_status for s in steps] == list(Status.values)
    assert all(s.by is None for s in steps)


def test_migration_0005_reconstructs_the_same_steps(project):
    from importlib import import_module

    from django.apps import apps

    migration = import_module(
        "registry.migrations.0005_evaluation_transitions_from_dates"
    )
    evaluation = requested_evaluation(
        project,
        status=Status.IN_PROGRESS,
        requested_on=datetime.date(2025, 5, 2),
        started_on=datetime.date(2025, 6, 1),
    )
    migration.transitions_from_dates(apps, None)
    migration.transitions_from_dates(apps, None)  # evaluations with steps are skipped
    assert list(
        EvaluationTransition.objects.filter(evaluation=evaluation).values_list(
            "action", "from_status", "to_status"
        )
    ) == [("request", "", "requested"), ("start", "requested", "in_progress")]


def test_the_assigned_evaluator_is_emailed_once_the_assignment_commits(
    project, moderator, evaluator, other_evaluator, django_capture_on_commit_callbacks
):
    from django.core import mail

    evaluation = requested_evaluation(project, is_fictional=False)
    with django_capture_on_commit_callbacks(execute=True):
        evaluation_assign(evaluation=evaluation, assignee=evaluator, user=moderator)

    assert [message.to for message in mail.outbox] == [[evaluator.email]]
    assert evaluation.reference in mail.outbox[0].body
    assert f"/evaluations/{evaluation.pk}/etapes/" in mail.outbox[0].body

    # Re-assigned before the task ran: the first evaluator's message is not sent.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        evaluation_assign(evaluation=evaluation, assignee=evaluator, user=moderator)
    evaluation_assign(evaluation=evaluation, assignee=other_evaluator, user=moderator)
    for callback in callbacks:
        callback()
    assert mail.outbox == []


def test_fictional_evaluations_never_email_their_evaluator(
    project, moderator, evaluator, django_capture_on_commit_callbacks
):
    from django.core import mail

    evaluation = requested_evaluation(project, is_fictional=True)
    with django_capture_on_commit_callbacks(execute=True):
        evaluation_assign(evaluation=evaluation, assignee=evaluator, user=moderator)
    assert mail.outbox == []
