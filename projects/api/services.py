"""Draft writes through the API: who may edit which project, and the saves.

A write never publishes. It saves a Wagtail revision (`live=False` for a new
project); publishing stays in the moderation workflow of the admin. Editing a
published project leaves the live row untouched and stores the change as its
latest revision, as the admin does.
"""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import QuerySet
from django.utils.html import escape
from wagtail.actions.create import CreateAction
from wagtail.actions.edit import EditAction

from projects.contribution import permissions
from projects.models import Project, ProjectMember

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
    "ce_class",
    "ai_act_risk",
)


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


def _paragraphs(text: str) -> str:
    """Plain text to the rich-text HTML the pages render, escaped."""
    parts = [part.strip() for part in text.split("\n\n") if part.strip()]
    return "".join(f"<p>{escape(part)}</p>" for part in parts)


def _apply(project: Project, data: dict, *, user: AbstractBaseUser) -> None:
    for name in SCALAR_FIELDS:
        if name in data:
            setattr(project, name, data[name])
    if "description" in data:
        project.description = _paragraphs(data["description"])
    if "domains" in data:
        project.domains.set(data["domains"])
    if "techniques" in data:
        project.techniques.set(data["techniques"])
    if "keywords" in data:
        project.keywords.set(data["keywords"])
    if "members" in data:
        project.members = [
            ProjectMember(person=member["person"], role=member["role"])
            for member in data["members"]
        ]
    person = getattr(user, "person", None)
    if person is not None and not user_is_editor(user=user):
        # Ownership is membership: a researcher never writes themselves out of it.
        if not any(member.person_id == person.pk for member in project.members.all()):
            project.members.add(
                ProjectMember(
                    person=person, role=ProjectMember.Role.PRINCIPAL_INVESTIGATOR
                )
            )


@transaction.atomic
def project_draft_create(*, user: AbstractBaseUser, data: dict) -> Project:
    """A new, unpublished project with its first revision."""
    if not user_can_create_project(user=user):
        raise PermissionDenied
    project = Project(owner=user)
    _apply(project, data, user=user)
    CreateAction(project, user=user, publish=False, clean=True).execute(
        skip_permission_checks=True
    )
    return project


@transaction.atomic
def project_draft_update(
    *, project: Project, user: AbstractBaseUser, data: dict
) -> Project:
    """A new revision of the project; the live version, if any, is unchanged."""
    if not project_editable_list(user=user).filter(pk=project.pk).exists():
        raise PermissionDenied
    lock = project.get_lock()
    if lock and lock.for_user(user):
        raise PermissionDenied(lock.get_message(user))
    draft = project.get_latest_revision_as_object()
    _apply(draft, data, user=user)
    EditAction(draft, user=user, publish=False, clean=True).execute(
        skip_permission_checks=True
    )
    return draft
