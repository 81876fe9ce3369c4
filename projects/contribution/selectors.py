"""Reads of the researchers' space: their projects and where each one stands."""

import datetime
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.models import Revision, WorkflowState

from projects.contribution.permissions import User, project_contributed_list
from projects.models import Project


@dataclass(frozen=True)
class ContributionState:
    """What a researcher needs to know about a project: a label, a DSFR badge
    colour, and the moderator's comment after a rejection."""

    code: str
    label: str
    badge: str
    comment: str = ""
    go_live_at: datetime.datetime | None = None

    @property
    def in_moderation(self) -> bool:
        return self.code in {"in_moderation", "changes_in_moderation"}


def contribution_state(
    *,
    project: Project,
    workflow_state: WorkflowState | None,
    go_live_at: datetime.datetime | None,
) -> ContributionState:
    status = workflow_state.status if workflow_state else None
    if status == WorkflowState.STATUS_NEEDS_CHANGES:
        task_state = workflow_state.current_task_state
        return ContributionState(
            "rejected",
            _("refusé : modifications demandées"),
            "error",
            comment=task_state.comment if task_state else "",
        )
    if status == WorkflowState.STATUS_IN_PROGRESS:
        if project.live:
            return ContributionState(
                "changes_in_moderation",
                _("publié, modifications en attente de modération"),
                "new",
            )
        return ContributionState("in_moderation", _("en modération"), "new")
    if go_live_at:
        return ContributionState(
            "scheduled", _("publication programmée"), "info", go_live_at=go_live_at
        )
    if project.live and project.has_unpublished_changes:
        return ContributionState(
            "changes_draft", _("publié, modifications non soumises"), "warning"
        )
    if project.live:
        return ContributionState("published", _("publié"), "success")
    return ContributionState("draft", _("brouillon"), "info")


def _active_workflow_states(project_ids: list[int]) -> dict[str, WorkflowState]:
    states = (
        WorkflowState.objects.active()
        .filter(
            base_content_type=ContentType.objects.get_for_model(Project),
            object_id__in=[str(pk) for pk in project_ids],
        )
        .select_related("current_task_state")
    )
    return {state.object_id: state for state in states}


def _scheduled_dates(project_ids: list[int]) -> dict[str, datetime.datetime]:
    revisions = Revision.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Project),
        object_id__in=[str(pk) for pk in project_ids],
        approved_go_live_at__isnull=False,
    ).values_list("object_id", "approved_go_live_at")
    return dict(revisions)


def with_contribution_states(projects: list[Project]) -> list[Project]:
    """Sets `.contribution_state` on each project, in two queries for the lot."""
    ids = [project.pk for project in projects]
    workflow_states = _active_workflow_states(ids)
    scheduled = _scheduled_dates(ids)
    for project in projects:
        key = str(project.pk)
        project.contribution_state = contribution_state(
            project=project,
            workflow_state=workflow_states.get(key),
            go_live_at=scheduled.get(key),
        )
    return projects


def project_contributed_rows(*, user: User) -> list[Project]:
    """« Mes projets »: the user's projects, latest change first, with their state.

    Titles are the row's, which for a draft is its latest save and for a
    published project the live title (the pending change is in the state)."""
    projects: QuerySet[Project] = (
        project_contributed_list(user=user)
        .select_related("lead_organisation", "latest_revision")
        .order_by("-updated_at", "-pk")
    )
    return with_contribution_states(list(projects))


def project_contribution_state(*, project: Project) -> ContributionState:
    return with_contribution_states([project])[0].contribution_state
