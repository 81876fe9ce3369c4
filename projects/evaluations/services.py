"""Filing an evaluation request: the first step of the workflow."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.core.queue import task_enqueue
from projects.evaluations.roles import user_can_request_evaluation
from projects.evaluations.tasks import evaluation_request_notify
from projects.evaluations.transitions import evaluation_record_request
from projects.models import Project
from registry.models import Evaluation, Organisation

INESIA_ACRONYM = "INESIA"
INESIA_NAME = (
    "Institut national pour l’évaluation et la sécurité de l’intelligence artificielle"
)
# References are numbered within each year; two requests at once may pick the same
# number, and the unique constraint sends one of them round again.
REFERENCE_ATTEMPTS = 5


def inesia_organisation() -> Organisation:
    """INESIA, the evaluator of every request filed on the portal."""
    organisation = Organisation.objects.filter(acronym=INESIA_ACRONYM).first()
    if organisation is None:
        organisation = Organisation.objects.create(
            name=INESIA_NAME, acronym=INESIA_ACRONYM, kind=Organisation.Kind.AGENCY
        )
    return organisation


def evaluation_next_reference(*, year: int) -> str:
    prefix = f"inesia-{year}-"
    numbers = [
        int(reference.removeprefix(prefix))
        for reference in Evaluation.objects.filter(
            reference__startswith=prefix
        ).values_list("reference", flat=True)
        if reference.removeprefix(prefix).isdecimal()
    ]
    return f"{prefix}{max(numbers, default=0) + 1:04d}"


def evaluation_request(
    *,
    project: Project,
    user: AbstractBaseUser,
    model_version: str,
    intended_use: str,
    contact_email: str,
) -> Evaluation:
    """A new evaluation in `requested`, filed by a member of the project.

    Moderators and INESIA evaluators are told by e-mail once the request is stored.
    """
    if not user_can_request_evaluation(user=user, project=project):
        raise PermissionDenied(
            _("Seuls les membres du projet peuvent demander son évaluation.")
        )
    today = timezone.localdate()
    for attempt in range(REFERENCE_ATTEMPTS):
        try:
            with transaction.atomic():
                evaluation = Evaluation(
                    reference=evaluation_next_reference(year=today.year),
                    project=project,
                    model_version=model_version,
                    intended_use=intended_use,
                    contact_email=contact_email,
                    evaluator=inesia_organisation(),
                    requested_on=today,
                    requested_by=user,
                )
                evaluation.full_clean()
                evaluation.save()
                evaluation_record_request(evaluation=evaluation, user=user)
                break
        except IntegrityError:
            if attempt == REFERENCE_ATTEMPTS - 1:
                raise
    evaluation_id = evaluation.pk
    task_enqueue(evaluation_request_notify, evaluation_id)
    return evaluation
