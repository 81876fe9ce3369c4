"""Project draft writes, for the researchers' form and the API alike.

A write never publishes: it saves a Wagtail revision (`live=False` for a new
project), and publishing stays the moderators' decision. Editing a published
project leaves the live row as it is and stores the change as its latest revision.
An update locks the project's row while it compares the revision the writer
started from with the latest one, so two saves of the same revision cannot both
pass: the second gets `EditConflict` and saves nothing.

Who may write which project is decided in `projects/contribution/permissions.py`;
the callers check it before calling here.
"""

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils.html import escape, strip_tags
from wagtail.actions.create import CreateAction
from wagtail.actions.edit import EditAction
from wagtail.models import Revision

from projects.contribution.permissions import edit_lock
from projects.models import Project, ProjectDataset, ProjectMember, ProjectPartner
from projects.models.legal_basis import legal_basis_values
from registry.models import Person

# The project's own fields a draft write may set; a field absent from the data
# keeps its value.
DRAFT_FIELDS = (
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
TAG_FIELDS = ("domains", "techniques", "keywords")


@dataclass
class EditConflict(Exception):
    """Someone saved the project after the writer loaded it."""

    current_revision: Revision | None


@dataclass
class DraftLocked(Exception):
    """A Wagtail lock stops this user saving now (moderation in progress, a
    scheduled publication, a moderator's lock)."""

    lock: object


def description_as_text(html: str) -> str:
    """The rich-text description as the plain text writers edit."""
    paragraphs = html.replace("</p>", "</p>\n\n").replace("<br/>", "\n")
    return strip_tags(paragraphs).strip()


def description_as_html(text: str) -> str:
    """Plain text to the rich-text HTML the pages render, escaped; blank lines
    separate paragraphs."""
    parts = [part.strip() for part in text.replace("\r\n", "\n").split("\n\n")]
    return "".join(f"<p>{escape(part)}</p>" for part in parts if part)


def _apply(project: Project, data: dict, *, author: Person | None) -> None:
    for name in DRAFT_FIELDS:
        if name in data:
            setattr(project, name, data[name])
    # Writers edit plain text: keep the stored rich text (links, lists) unless
    # the words changed.
    if "description" in data and data["description"].strip() != description_as_text(
        project.description
    ):
        project.description = description_as_html(data["description"])
    for name in TAG_FIELDS:
        if name in data:
            getattr(project, name).set(data[name])
    if "members" in data:
        project.members = [
            ProjectMember(person=row["person"], role=row["role"])
            for row in data["members"]
        ]
    if "partners" in data:
        # Organisation partners are edited in the admin: team rows never drop them.
        kept = [partner for partner in project.partners.all() if not partner.team_id]
        project.partners = kept + [
            ProjectPartner(team=row["team"], role=row["role"])
            for row in data["partners"]
        ]
    if "dataset_uses" in data:
        project.dataset_uses = [
            ProjectDataset(
                dataset=row["dataset"],
                access_status=row["access_status"],
                purpose=row.get("purpose", ""),
                **legal_basis_values(row),
            )
            for row in data["dataset_uses"]
        ]
    if author is not None and not any(
        member.person_id == author.pk for member in project.members.all()
    ):
        # Ownership is membership: a researcher never writes themselves out of it.
        project.members.add(
            ProjectMember(person=author, role=ProjectMember.Role.PRINCIPAL_INVESTIGATOR)
        )


@transaction.atomic
def project_draft_create(
    *, user: AbstractBaseUser, data: dict, author: Person | None = None
) -> Project:
    """A new, unpublished project owned by `user`, with its first revision.

    `author`, if given, is kept among the members as principal investigator."""
    project = Project(owner=user)
    _apply(project, data, author=author)
    CreateAction(project, user=user, publish=False, clean=True).execute(
        skip_permission_checks=True
    )
    return project


@transaction.atomic
def project_draft_save(
    *,
    project_id: int,
    user: AbstractBaseUser,
    data: dict,
    base_revision_id: int | None,
    check_conflict: bool = True,
    author: Person | None = None,
) -> Project:
    """A new revision of the project built on `base_revision_id`, the revision the
    writer loaded; the live version, if any, is unchanged.

    Raises `EditConflict` if another revision was saved since (unless
    `check_conflict` is False: an API client that sends no revision), and
    `DraftLocked` if a Wagtail lock stops this user."""
    project = Project.objects.select_for_update().get(pk=project_id)
    if check_conflict and project.latest_revision_id != base_revision_id:
        raise EditConflict(current_revision=project.latest_revision)
    if lock := edit_lock(user=user, project=project):
        raise DraftLocked(lock)
    draft = project.get_latest_revision_as_object()
    _apply(draft, data, author=author)
    EditAction(draft, user=user, publish=False, clean=True).execute(
        skip_permission_checks=True
    )
    return draft
