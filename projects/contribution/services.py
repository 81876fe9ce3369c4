"""Writes of the researchers' space: drafts, submission, withdrawal, deletion.

Nothing here publishes: a save is a Wagtail revision (the live version, if any,
stays as it is), and publication is the moderators' decision in the admin.
"""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext as _
from wagtail.actions.delete import DeleteAction
from wagtail.models import WorkflowState

from projects import drafts
from projects.contribution.permissions import can_submit, edit_lock
from projects.drafts import EditConflict  # noqa: F401  (the views catch it here)
from projects.models import Project


class ContributionRefused(Exception):
    """An action the project's state does not allow now; the message says why."""


def _rows(data: dict, partners: list[dict], dataset_uses: list[dict]) -> dict:
    return {**data, "partners": partners, "dataset_uses": dataset_uses}


def project_contribution_create(
    *,
    user: AbstractBaseUser,
    data: dict,
    partners: list[dict],
    dataset_uses: list[dict],
) -> Project:
    """A new unpublished project owned by `user`, with its first revision."""
    return drafts.project_draft_create(
        user=user, data=_rows(data, partners, dataset_uses)
    )


def project_contribution_update(
    *,
    project_id: int,
    user: AbstractBaseUser,
    loaded_revision_id: int | None,
    data: dict,
    partners: list[dict],
    dataset_uses: list[dict],
) -> Project:
    """A new revision built on the one the form was loaded from
    (`EditConflict` if another was saved since)."""
    try:
        return drafts.project_draft_save(
            project_id=project_id,
            user=user,
            data=_rows(data, partners, dataset_uses),
            base_revision_id=loaded_revision_id,
        )
    except drafts.DraftLocked as locked:
        raise ContributionRefused(lock_message(locked.lock)) from locked


def lock_message(lock) -> str:
    """Our wording for Wagtail's locks, for people who never saw the admin."""
    from wagtail.locks import BasicLock, ScheduledForPublishLock, WorkflowLock

    if isinstance(lock, WorkflowLock):
        return _(
            "Ce projet est en cours de modération : il ne peut pas être modifié "
            "avant la décision des modérateurs."
        )
    if isinstance(lock, ScheduledForPublishLock):
        return _(
            "La publication de ce projet est programmée : il ne peut pas être "
            "modifié avant sa mise en ligne."
        )
    if isinstance(lock, BasicLock):
        return _(
            "Ce projet est verrouillé par un modérateur : vos modifications ne "
            "peuvent pas être enregistrées pour l’instant."
        )
    return _("Ce projet ne peut pas être modifié pour l’instant.")


@transaction.atomic
def project_submit(*, project: Project, user: AbstractBaseUser) -> WorkflowState:
    """Send the latest revision to the moderators (or back to them after a
    rejection), through the project's Wagtail workflow."""
    if not can_submit(user=user, project=project):
        raise ContributionRefused(_("Vous ne pouvez pas soumettre ce projet."))
    state = project.current_workflow_state
    if state and state.status == WorkflowState.STATUS_IN_PROGRESS:
        raise ContributionRefused(_("Ce projet est déjà en cours de modération."))
    if project.live and not project.has_unpublished_changes:
        raise ContributionRefused(
            _("Rien à soumettre : la version publiée est à jour.")
        )
    if lock := edit_lock(user=user, project=project):
        raise ContributionRefused(lock_message(lock))
    if state and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user=user)
        return state
    workflow = project.get_workflow()
    if workflow is None:
        raise ContributionRefused(
            _("Aucun circuit de modération n’est configuré pour les projets.")
        )
    return workflow.start(project, user)


@transaction.atomic
def project_withdraw(*, project: Project, user: AbstractBaseUser) -> None:
    """Take a submission back from the moderators, to go on editing it."""
    state = project.current_workflow_state
    if not state or state.status != WorkflowState.STATUS_IN_PROGRESS:
        raise ContributionRefused(_("Ce projet n’est pas en cours de modération."))
    if not state.user_can_cancel(user):
        raise ContributionRefused(
            _("Seule la personne qui a soumis le projet peut le retirer.")
        )
    state.cancel(user=user)


def project_delete(*, project: Project, user: AbstractBaseUser) -> None:
    """Delete the project and its revisions, logged as in the admin."""
    try:
        DeleteAction(project, user=user).execute(skip_permission_checks=True)
    except ProtectedError as error:
        raise ContributionRefused(
            _("Ce projet est lié à d’autres fiches et ne peut pas être supprimé.")
        ) from error
