"""The evaluation state machine: the only code that changes an evaluation's status.

    requested ──start──▶ in_progress ──complete──▶ completed ──publish──▶ published
                              ▲                        │
                              └─────────reopen─────────┘

Each step checks its preconditions, then the actor's role, sets its date, and records
an `EvaluationTransition` (from, to, who, when, comment). An illegal move raises
ValidationError (code "illegal_transition") whoever asks; unmet preconditions raise
ValidationError per field; a legal, ready step asked by the wrong person raises
PermissionDenied.

`reopen` is the one step back: a moderator who finds a gap in a completed evaluation
before publishing it sends it back to the evaluator, instead of publishing a flawed
verdict or editing it behind the evaluator's back. Nothing leaves `published`: a public
verdict is corrected by a new evaluation, so the record stays what the public saw.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.core.queue import task_enqueue
from projects.evaluations.roles import user_is_evaluator, user_is_moderator
from projects.evaluations.tasks import evaluation_assignment_notify
from registry.models import (
    Evaluation,
    EvaluationCriterion,
    EvaluationTransition,
)

Status = Evaluation.Status
Action = EvaluationTransition.Action


def _is_assigned_evaluator(user: AbstractBaseUser, evaluation: Evaluation) -> bool:
    return bool(
        evaluation.assigned_to_id
        and user.pk == evaluation.assigned_to_id
        and user_is_evaluator(user=user)
    )


def _may_start(user: AbstractBaseUser, evaluation: Evaluation) -> bool:
    return _is_assigned_evaluator(user, evaluation)


def _may_complete(user: AbstractBaseUser, evaluation: Evaluation) -> bool:
    # Only the evaluator in charge gives the verdict.
    return _is_assigned_evaluator(user, evaluation)


def _may_publish(user: AbstractBaseUser, evaluation: Evaluation) -> bool:
    # Publication is the moderators' decision, never the evaluator's own.
    return user_is_moderator(user=user)


def _may_reopen(user: AbstractBaseUser, evaluation: Evaluation) -> bool:
    return user_is_moderator(user=user) or _is_assigned_evaluator(user, evaluation)


def _start_errors(evaluation: Evaluation) -> dict[str, str]:
    if not evaluation.assigned_to_id:
        return {"assigned_to": _("Assignez d’abord un évaluateur ou une évaluatrice.")}
    return {}


def evaluation_completion_errors(evaluation: Evaluation) -> dict[str, str]:
    """What a verdict still lacks: the verdict, the summary, a score per criterion."""
    errors = {}
    if not evaluation.verdict:
        errors["verdict"] = _("Indiquez l’avis.")
    if not evaluation.summary.strip():
        errors["summary"] = _("Rédigez la synthèse.")
    scored = set(evaluation.scores.values_list("criterion_id", flat=True))
    missing = [c.name for c in EvaluationCriterion.objects.all() if c.pk not in scored]
    if missing:
        errors["scores"] = _("Critères sans note : %(criteria)s.") % {
            "criteria": ", ".join(missing)
        }
    return errors


@dataclass(frozen=True)
class Step:
    action: str
    date_field: str | None
    may: Callable[[AbstractBaseUser, Evaluation], bool]
    errors: Callable[[Evaluation], dict[str, str]]
    clears: tuple[str, ...] = ()


# (from, to) → the step that makes this move. Any pair not here is illegal.
STEPS: dict[tuple[str, str], Step] = {
    (Status.REQUESTED, Status.IN_PROGRESS): Step(
        Action.START, "started_on", _may_start, _start_errors
    ),
    (Status.IN_PROGRESS, Status.COMPLETED): Step(
        Action.COMPLETE, "completed_on", _may_complete, evaluation_completion_errors
    ),
    (Status.COMPLETED, Status.PUBLISHED): Step(
        Action.PUBLISH, "published_on", _may_publish, evaluation_completion_errors
    ),
    (Status.COMPLETED, Status.IN_PROGRESS): Step(
        Action.REOPEN, None, _may_reopen, lambda evaluation: {}, ("completed_on",)
    ),
}


def evaluation_next_statuses(
    *, evaluation: Evaluation, user: AbstractBaseUser
) -> list[str]:
    """The statuses this user may move the evaluation to now (role only)."""
    return [
        target
        for (source, target), step in STEPS.items()
        if source == evaluation.status and step.may(user, evaluation)
    ]


def _actor_label(user: AbstractBaseUser | None, source: str) -> str:
    if user is not None and user.is_authenticated:
        return (user.get_full_name() or user.get_username())[:150]
    return source[:150]


def _record(
    *,
    evaluation: Evaluation,
    action: str,
    from_status: str,
    user: AbstractBaseUser | None,
    comment: str,
    at: datetime.datetime,
    assignee: AbstractBaseUser | None = None,
    source: str = "",
) -> EvaluationTransition:
    return EvaluationTransition.objects.create(
        evaluation=evaluation,
        action=action,
        from_status=from_status,
        to_status=evaluation.status,
        by=user if user is not None and user.is_authenticated else None,
        by_label=_actor_label(user, source),
        assignee=assignee,
        at=at,
        comment=comment,
    )


@transaction.atomic
def evaluation_transition(
    *,
    evaluation: Evaluation,
    to_status: str,
    user: AbstractBaseUser,
    comment: str = "",
) -> EvaluationTransition:
    """Move the evaluation to `to_status`, dated now and attributed to `user`."""
    # Decide on the stored row, locked: two moderators clicking at once make one step.
    current = Evaluation.objects.select_for_update().get(pk=evaluation.pk)
    step = STEPS.get((current.status, to_status))
    if step is None:
        raise ValidationError(
            _("Passage impossible de « %(source)s » à « %(target)s ».")
            % {
                "source": Status(current.status).label,
                "target": Status(to_status).label
                if to_status in Status.values
                else to_status,
            },
            code="illegal_transition",
        )
    # What the evaluation lacks is said before who may act: "assign an evaluator
    # first" helps more than a refusal that nobody could overcome yet.
    errors = step.errors(current)
    if errors:
        raise ValidationError(errors, code="incomplete")
    if not step.may(user, current):
        raise PermissionDenied(
            _("Vous ne pouvez pas faire passer cette évaluation à « %(target)s ».")
            % {"target": Status(to_status).label}
        )

    now = timezone.now()
    from_status = current.status
    current.status = to_status
    fields = ["status", "updated_at"]
    if step.date_field:
        setattr(current, step.date_field, timezone.localdate(now))
        fields.append(step.date_field)
    for name in step.clears:
        setattr(current, name, None)
        fields.append(name)
    current._status_change_allowed = True
    try:
        current.save(update_fields=fields)
    finally:
        current._status_change_allowed = False
    for name in fields:
        setattr(evaluation, name, getattr(current, name))
    return _record(
        evaluation=current,
        action=step.action,
        from_status=from_status,
        user=user,
        comment=comment,
        at=now,
    )


@transaction.atomic
def _assignee_notify_on_commit(*, evaluation_id: int, assignee_id: int) -> None:
    task_enqueue(evaluation_assignment_notify, evaluation_id, assignee_id)


def evaluation_assign(
    *,
    evaluation: Evaluation,
    assignee: AbstractBaseUser,
    user: AbstractBaseUser,
    comment: str = "",
) -> EvaluationTransition:
    """Put an INESIA evaluator in charge; moderators assign, before the verdict."""
    current = Evaluation.objects.select_for_update().get(pk=evaluation.pk)
    if not user_is_moderator(user=user):
        raise PermissionDenied(_("Seuls les modérateurs assignent les évaluations."))
    if current.status not in (Status.REQUESTED, Status.IN_PROGRESS):
        raise ValidationError(
            _("Une évaluation terminée ou publiée ne change plus d’évaluateur."),
            code="illegal_transition",
        )
    if not user_is_evaluator(user=assignee):
        raise ValidationError(
            {"assigned_to": _("Cette personne n’est pas évaluatrice INESIA.")}
        )
    current.assigned_to = assignee
    current.save(update_fields=["assigned_to", "updated_at"])
    evaluation.assigned_to = assignee
    _assignee_notify_on_commit(evaluation_id=current.pk, assignee_id=assignee.pk)
    return _record(
        evaluation=current,
        action=Action.ASSIGN,
        from_status=current.status,
        user=user,
        comment=comment,
        at=timezone.now(),
        assignee=assignee,
    )


def evaluation_record_request(
    *,
    evaluation: Evaluation,
    user: AbstractBaseUser | None,
    comment: str = "",
    source: str = "",
) -> EvaluationTransition:
    """The first step of a new evaluation: its request."""
    return _record(
        evaluation=evaluation,
        action=Action.REQUEST,
        from_status="",
        user=user,
        comment=comment,
        at=timezone.now(),
        source=source,
    )


# The steps an evaluation's dates tell, for records created with their history.
DATED_STEPS = [
    ("requested_on", Action.REQUEST, "", Status.REQUESTED),
    ("started_on", Action.START, Status.REQUESTED, Status.IN_PROGRESS),
    ("completed_on", Action.COMPLETE, Status.IN_PROGRESS, Status.COMPLETED),
    ("published_on", Action.PUBLISH, Status.COMPLETED, Status.PUBLISHED),
]
RECONSTRUCTED = "reconstitué à partir des dates"


def evaluation_history_from_dates(*, evaluation: Evaluation) -> int:
    """Steps for an evaluation created at a later status (imports, demo data).

    One unattributed step per recorded date, at noon UTC (the same day in Paris);
    does nothing if the evaluation already has steps. Returns how many were written.
    Migration 0005 does the same for the evaluations that existed before it.
    """
    if evaluation.transitions.exists():
        return 0
    rows = [
        EvaluationTransition(
            evaluation=evaluation,
            action=action,
            from_status=before,
            to_status=after,
            by_label=RECONSTRUCTED,
            at=datetime.datetime.combine(day, datetime.time(12), tzinfo=datetime.UTC),
        )
        for field, action, before, after in DATED_STEPS
        if (day := getattr(evaluation, field)) is not None
    ]
    EvaluationTransition.objects.bulk_create(rows)
    return len(rows)
