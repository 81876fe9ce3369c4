"""Draft writes through the API: who may edit which project; the saves themselves
are `projects/drafts.py`, shared with the researchers' form."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet

from projects import drafts
from projects.contribution import permissions
from projects.models import Project
from registry.models import Person


# --- Contribution (issue 6): who may write is decided in one place for the API
# and the researchers' pages alike (projects/contribution/permissions.py).
def user_is_editor(*, user: AbstractBaseUser) -> bool:
    """Editors, moderators and administrators may edit every project."""
    return permissions.user_is_editor(user=user)


def project_editable_list(*, user: AbstractBaseUser) -> QuerySet[Project]:
    """Projects the user may edit: all for editors, else those they own or are a
    member of."""
    if user_is_editor(user=user):
        return Project.objects.all()
    return permissions.project_contributed_list(user=user)


def user_can_create_project(*, user: AbstractBaseUser) -> bool:
    """Editors, and researchers (by group or by a linked registry person)."""
    return permissions.user_can_create_project(user=user)


def _author(user: AbstractBaseUser) -> Person | None:
    """A researcher writing through the API stays among the project's members."""
    person = getattr(user, "person", None)
    return None if person is None or user_is_editor(user=user) else person


def project_draft_create(*, user: AbstractBaseUser, data: dict) -> Project:
    """A new, unpublished project with its first revision."""
    if not user_can_create_project(user=user):
        raise PermissionDenied
    return drafts.project_draft_create(user=user, data=data, author=_author(user))


def project_draft_update(
    *,
    project: Project,
    user: AbstractBaseUser,
    data: dict,
    base_revision_id: int | None = None,
) -> Project:
    """A new revision of the project; the live version, if any, is unchanged.

    With `base_revision_id` (the `revision` a client read), a save made since by
    someone else raises `drafts.EditConflict` and saves nothing."""
    if not project_editable_list(user=user).filter(pk=project.pk).exists():
        raise PermissionDenied
    try:
        return drafts.project_draft_save(
            project_id=project.pk,
            user=user,
            data=data,
            base_revision_id=base_revision_id,
            check_conflict=base_revision_id is not None,
            author=_author(user),
        )
    except drafts.DraftLocked as locked:
        raise PermissionDenied(locked.lock.get_message(user)) from locked
