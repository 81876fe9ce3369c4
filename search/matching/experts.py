"""The people to contact in each matched team: current members, the most relevant
expertise first; names and links only, never an address."""

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from projects.models import Project, ProjectMember
from registry.models import Membership, PersonExpertise
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
    memberships = list(
        Membership.objects.filter(
            team_id__in=[m.pk for m in matches], end_date=None
        ).select_related("person")
    )
    # One query for every member's expertise: a prefetch through the cluster tag
    # manager queried once per person (~250 ms of a match on the demo data).
    expertise: dict[int, list[str]] = {}
    for person_pk, name in PersonExpertise.objects.filter(
        content_object_id__in={m.person_id for m in memberships}
    ).values_list("content_object_id", "tag__name"):
        expertise.setdefault(person_pk, []).append(name)
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
            text_tokens(" ".join(expertise.get(person.pk, ())) + f" {person.title}")
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
