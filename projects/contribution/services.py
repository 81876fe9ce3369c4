"""Writes of the researchers' space: drafts, submission, withdrawal, deletion.

Nothing here publishes: a save is a Wagtail revision (the live version, if any,
stays as it is), and publication is the moderators' decision in the admin.
"""

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import ProtectedError
from django.utils.html import escape
from django.utils.translation import gettext as _
from wagtail.actions.create import CreateAction
from wagtail.actions.delete import DeleteAction
from wagtail.actions.edit import EditAction
from wagtail.models import Revision, WorkflowState

from projects.contribution.forms import description_as_text
from projects.contribution.permissions import can_submit, edit_lock
from projects.models import Project, ProjectDataset, ProjectPartner

SCALAR_FIELDS = (
    "title",
    "title_en",
    "acronym",
    "summary",
    "summary_en",
    "status",
    "trl",
    "start_date",
    "end_date",
    "lead_organisation",
    "lead_team",
    "code_repository",
)


class ContributionRefused(Exception):
    """An action the project's state does not allow now; the message says why."""


@dataclass
class EditConflict(Exception):
    """Someone saved the project after the form was loaded."""

    current_revision: Revision | None


def _paragraphs(text: str) -> str:
    """Plain text to the rich-text HTML the pages render, escaped."""
    parts = [part.strip() for part in text.replace("\r\n", "\n").split("\n\n")]
    return "".join(f"<p>{escape(part)}</p>" for part in parts if part)


def _apply(
    project: Project, data: dict, *, partners: list[dict], dataset_uses: list[dict]
) -> None:
    for name in SCALAR_FIELDS:
        setattr(project, name, data[name])
    # The form edits plain text: keep the stored rich text (links, lists) unless
    # the researcher changed the words.
    if data["description"].strip() != description_as_text(project.description):
        project.description = _paragraphs(data["description"])
    project.domains.set(data["domains"])
    project.techniques.set(data["techniques"])
    project.keywords.set(data["keywords"])
    # Organisation partners are edited in the admin: the form never drops them.
    kept = [partner for partner in project.partners.all() if not partner.team_id]
    project.partners = kept + [
        ProjectPartner(team=row["team"], role=row["role"]) for row in partners
    ]
    project.dataset_uses = [
        ProjectDataset(
            dataset=row["dataset"],
            access_status=row["access_status"],
            purpose=row["purpose"],
        )
        for row in dataset_uses
    ]


@transaction.atomic
def project_contribution_create(
    *,
    user: AbstractBaseUser,
    data: dict,
    partners: list[dict],
    dataset_uses: list[dict],
) -> Project:
    """A new unpublished project owned by `user`, with its first revision."""
    project = Project(owner=user)
    _apply(project, data, partners=partners, dataset_uses=dataset_uses)
    CreateAction(project, user=user, publish=False, clean=True).execute(
        skip_permission_checks=True
    )
    return project


@transaction.atomic
def project_contribution_update(
    *,
    project_id: int,
    user: AbstractBaseUser,
    loaded_revision_id: int | None,
    data: dict,
    partners: list[dict],
    dataset_uses: list[dict],
) -> Project:
    """A new revision built on the one the form was loaded from.

    The row is locked while we compare, so two saves of the same loaded revision
    cannot both pass: the second gets `EditConflict` and saves nothing.
    """
    project = Project.objects.select_for_update().get(pk=project_id)
    if project.latest_revision_id != loaded_revision_id:
        raise EditConflict(current_revision=project.latest_revision)
    if lock := edit_lock(user=user, project=project):
        raise ContributionRefused(lock_message(lock))
    draft = project.get_latest_revision_as_object()
    _apply(draft, data, partners=partners, dataset_uses=dataset_uses)
    EditAction(draft, user=user, publish=False, clean=True).execute(
        skip_permission_checks=True
    )
    return draft


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
