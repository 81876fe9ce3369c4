"""Who may do what with a project: the one place that decides, for every view.

Roles are the groups of portal/core/roles.py: moderators and administrators act on
every project; a researcher acts on the projects they own (created) or whose
member list names the person linked to their account. INESIA evaluators have no
right on projects beyond the public pages.
"""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Q, QuerySet

from portal.core import roles
from portal.core.roles import EDITORS, RESEARCHERS
from portal.core.roles import user_group_names as _group_names
from projects.models import Project, ProjectMember

User = AbstractBaseUser | AnonymousUser


def user_is_moderator(*, user: User) -> bool:
    """Moderators and administrators see, edit, approve and delete every project."""
    return roles.user_is_moderator(user)


def user_is_editor(*, user: User) -> bool:
    """Editors (the admin's drafting role) see and edit every project's draft."""
    if not user.is_authenticated:
        return False
    return user_is_moderator(user=user) or EDITORS in _group_names(user)


def user_can_create_project(*, user: User) -> bool:
    """Researchers (by group or by an account linked to a registry person) and the
    editorial roles."""
    if not user.is_authenticated:
        return False
    return (
        user_is_editor(user=user)
        or RESEARCHERS in _group_names(user)
        or getattr(user, "person", None) is not None
    )


def project_contributed_list(*, user: User) -> QuerySet[Project]:
    """The projects a user owns or is a member of (their « Mes projets »)."""
    if not user.is_authenticated:
        return Project.objects.none()
    return Project.objects.filter(
        Q(owner=user) | Q(members__person__user=user)
    ).distinct()


def user_is_owner(*, user: User, project: Project) -> bool:
    return user.is_authenticated and project.owner_id == user.pk


def user_is_member(*, user: User, project: Project) -> bool:
    """Membership as stored on the project row (the latest published members).

    Asked of the database, not of `project.members`: a draft rebuilt from a
    revision holds its members in memory, where modelcluster compares
    `person.user` in Python and fails on a member without an account."""
    if not user.is_authenticated or project.pk is None:
        return False
    return ProjectMember.objects.filter(
        project_id=project.pk, person__user=user
    ).exists()


def _contributes(*, user: User, project: Project) -> bool:
    return user_is_owner(user=user, project=project) or user_is_member(
        user=user, project=project
    )


def can_view_draft(*, user: User, project: Project) -> bool:
    """The unpublished version (preview, edit form, « Mes projets »)."""
    return user_is_editor(user=user) or _contributes(user=user, project=project)


def can_edit(*, user: User, project: Project) -> bool:
    """Saving a new revision; the project's lock is checked apart (`edit_lock`),
    since it changes with time, not with the person."""
    return user_is_editor(user=user) or _contributes(user=user, project=project)


def can_submit(*, user: User, project: Project) -> bool:
    """Sending the latest revision to the moderators."""
    return can_edit(user=user, project=project)


def can_moderate(*, user: User, project: Project) -> bool:
    """Approving, rejecting and publishing (in the Wagtail admin)."""
    return user_is_moderator(user=user)


def can_delete(*, user: User, project: Project) -> bool:
    """The owner may delete a project that was never published; once public, only
    moderators and administrators can remove it (links and citations exist)."""
    if user_is_moderator(user=user):
        return True
    return user_is_owner(user=user, project=project) and (
        project.first_published_at is None and not project.live
    )


def edit_lock(*, user: User, project: Project):
    """Wagtail's lock that stops this user saving now (a moderator's lock, a
    scheduled publication, moderation in progress), or None."""
    lock = project.get_lock()
    if lock is not None and lock.for_user(user):
        return lock
    return None
