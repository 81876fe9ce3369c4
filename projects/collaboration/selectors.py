"""Reads of calls for collaboration and of who may be contacted or may edit."""

from django.conf import settings
from django.db.models import Q, QuerySet
from django.db.models.functions import Lower

from portal.core.recipients import person_may_be_emailed
from projects.collaboration.models import CollaborationCall
from projects.models import Domain, Project, Technique
from registry.models import Membership, Person, Team


def call_public_list(
    *,
    text: str = "",
    domains=(),
    techniques=(),
    dataset=None,
    owner_kind: str = "",
) -> QuerySet[CollaborationCall]:
    """Visible calls, newest first; every word of `text` must appear in the title or
    the text (a call list is short: plain matching is enough)."""
    calls = CollaborationCall.objects.public()
    for word in text.split()[:20]:
        calls = calls.filter(Q(title__icontains=word) | Q(text__icontains=word))
    if domains:
        ids = Domain.with_descendant_ids(d.pk for d in domains)
        calls = calls.filter(domains__in=ids)
    if techniques:
        ids = Technique.with_descendant_ids(t.pk for t in techniques)
        calls = calls.filter(techniques__in=ids)
    if dataset is not None:
        calls = calls.filter(dataset=dataset)
    if owner_kind == "team":
        calls = calls.filter(team__isnull=False)
    elif owner_kind == "project":
        calls = calls.filter(project__isnull=False)
    return (
        calls.distinct()
        .select_related("project__lead_team", "team", "dataset")
        .prefetch_related("domains", "techniques")
        .order_by("deadline", "-created_at")
    )


def call_public_detail() -> QuerySet[CollaborationCall]:
    return CollaborationCall.objects.public().select_related(
        "project__lead_team", "team", "dataset"
    )


def person_of(user) -> Person | None:
    if not user.is_authenticated:
        return None
    return Person.objects.filter(user=user).first()


def call_owner_choices(*, user) -> tuple[QuerySet[Team], QuerySet[Project]]:
    """The teams (current memberships) and projects a user may publish calls for:
    the projects they are a member of, and those they own (a project owner need
    not be a member of any team)."""
    if not user.is_authenticated:
        return Team.objects.none(), Project.objects.none()
    owned = Q(owner=user)
    person = person_of(user)
    if person is None:
        teams = Team.objects.none()
        projects = Project.objects.filter(owned)
    else:
        teams = Team.objects.filter(
            memberships__person=person, memberships__end_date__isnull=True
        ).distinct()
        projects = Project.objects.filter(owned | Q(members__person=person)).distinct()
    return teams.order_by(Lower("name")), projects.order_by(Lower("title"))


def call_can_edit(*, user, call: CollaborationCall) -> bool:
    """Moderators (the model's change permission) and members of the call's owner."""
    if not user.is_authenticated:
        return False
    if user.has_perm("collaboration.change_collaborationcall"):
        return True
    if (
        call.project_id
        and Project.objects.filter(pk=call.project_id, owner=user).exists()
    ):
        return True
    person = person_of(user)
    if person is None:
        return False
    if call.team_id:
        return Membership.objects.filter(
            person=person, team_id=call.team_id, end_date__isnull=True
        ).exists()
    return Project.objects.filter(pk=call.project_id, members__person=person).exists()


def calls_editable(*, user) -> QuerySet[CollaborationCall]:
    """Every call of the user's teams and projects, drafts and closed ones included."""
    teams, projects = call_owner_choices(user=user)
    return (
        CollaborationCall.objects.filter(Q(team__in=teams) | Q(project__in=projects))
        .select_related("project", "team")
        .order_by("-updated_at")
    )


def contact_recipient(*, team: Team) -> Person | None:
    """Who receives a team's contact requests: its lead, or else its first current
    member with an address. Fictional (demo) people are never written to, except
    where `CONTACT_DEMO_RECIPIENTS` allows it (`make run`: the mail goes to the
    console); otherwise a team whose contact is fictional has no contact at all."""
    demo = settings.CONTACT_DEMO_RECIPIENTS
    lead = team.lead
    if lead is not None and lead.email:
        return lead if person_may_be_emailed(lead, demo_allowed=demo) else None
    membership = (
        Membership.objects.filter(team=team, end_date__isnull=True)
        .exclude(person__email="")
        .select_related("person")
        .order_by("start_date", "pk")
        .first()
    )
    if membership is None or not person_may_be_emailed(
        membership.person, demo_allowed=demo
    ):
        return None
    return membership.person
