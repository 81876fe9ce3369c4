"""The people to contact in each matched team: current members, the most relevant
expertise first; names and links only, never an address."""

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from projects.models import Project, ProjectMember
from registry.models import Membership
from search.matching.signals import text_tokens

if TYPE_CHECKING:
    from search.matching.match import MatchContext, TeamMatch


@dataclass
class Expert:
    name: str
    url: str


def experts_attach(
    *, matches: list["TeamMatch"], context: "MatchContext", per_team: int = 3
) -> None:
    """The current members with the most relevant expertise: names and links only."""
    if not matches:
        return
    memberships = (
        Membership.objects.filter(team_id__in=[m.pk for m in matches], end_date=None)
        .select_related("person")
        .prefetch_related("person__expertise")
    )
    # Public projects in the needed domains that each member worked on.
    relevant_projects: Counter = Counter(
        person_pk
        for person_pk, _project_pk in ProjectMember.objects.filter(
            project__in=Project.objects.public(),
            project__domains__in=context.needed_domains or [0],
            person__memberships__team_id__in=[m.pk for m in matches],
        )
        .values_list("person_id", "project_id")
        .distinct()
    )
    by_team: dict[int, list[tuple[float, str, Expert]]] = {}
    for membership in memberships:
        person = membership.person
        words = set(
            text_tokens(
                " ".join(tag.name for tag in person.expertise.all())
                + f" {person.title}"
            )
        )
        relevance = len(words & set(context.query)) + relevant_projects[person.pk]
        by_team.setdefault(membership.team_id, []).append(
            (
                -relevance,
                person.last_name,
                Expert(name=person.full_name, url=person.get_absolute_url()),
            )
        )
    for match in matches:
        ranked = sorted(by_team.get(match.pk, []), key=lambda row: row[:2])
        match.experts = [expert for *_key, expert in ranked[:per_team]]
