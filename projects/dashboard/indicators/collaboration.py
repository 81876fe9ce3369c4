"""Collaboration: cross-institute projects and the network of teams."""

from collections import Counter, defaultdict
from itertools import combinations

from django.db.models import Prefetch
from django.urls import reverse

from projects.dashboard.filters import DashboardFilters
from projects.dashboard.indicators.base import share
from projects.institutes import organisation_institute_ids
from projects.models import ProjectPartner
from registry.models import Organisation, Team

# The network drawing keeps the teams with most projects (16 stay legible on a
# phone's 360-unit drawing); the CSV lists every link.
NETWORK_MAX_TEAMS = 16


def indicator_collaboration(*, filters: DashboardFilters) -> dict:
    """Cross-institute projects and the network of teams linked by shared projects.

    A project is cross-institute when its teams (lead team and partner teams) come
    from at least two different institutes: no single institute is a tutelle of every
    one of its teams that has one. A joint unit alone (Inserm and CNRS) is therefore
    not a cross-institute project, an Inserm team working with an Inria team is.
    A graph needs its edges, so this one fetches (project, team) and (team, institute)
    pairs — a fixed number of queries whatever the size — and counts them in Python.
    """
    current = filters.projects.filter(filters.current_q())
    lead_pairs = (
        current.filter(lead_team__isnull=False)
        .order_by()
        .values_list("pk", "lead_team_id")
    )
    partner_pairs = (
        ProjectPartner.objects.filter(
            project__in=current.values("pk"), team__isnull=False
        )
        .order_by()
        .values_list("project_id", "team_id")
    )
    project_teams: dict[int, set[int]] = defaultdict(set)
    for project_id, team_id in lead_pairs.union(partner_pairs):
        project_teams[project_id].add(team_id)
    team_ids = set().union(*project_teams.values()) if project_teams else set()
    institutes = {
        institute.pk: institute
        for institute in Organisation.objects.institutes().order_by("name")
    }
    # A team's institutes are those of its tutelles (an institute or one of its
    # sub-organisations), as in `projects.institutes`.
    team_rows = Team.objects.filter(pk__in=team_ids).only(
        "pk", "acronym", "name", "slug"
    )
    team_institutes: dict[int, set[int]] = defaultdict(set)
    teams = {}
    for team in team_rows.prefetch_related(
        Prefetch("parents", queryset=Organisation.objects.select_related("parent"))
    ):
        team_institutes[team.pk] = organisation_institute_ids(team.parents.all())
        teams[team.pk] = {
            "pk": team.pk,
            "acronym": team.acronym,
            "name": team.name,
            "slug": team.slug,
        }
    total = current.count()

    cross_institute = 0
    institute_pairs: Counter = Counter()
    team_links: Counter = Counter()
    team_projects: Counter = Counter()
    for members in project_teams.values():
        tutelles = [team_institutes[team] for team in members if team_institutes[team]]
        if len(tutelles) >= 2 and not set.intersection(*tutelles):
            cross_institute += 1
            involved = set().union(*tutelles)
            for pair in combinations(sorted(involved), 2):
                institute_pairs[pair] += 1
        for pair in combinations(sorted(members), 2):
            team_links[pair] += 1
        team_projects.update(members)

    def team_node(team_id: int) -> dict:
        team = teams[team_id]
        return {
            "key": f"t{team_id}",
            "label": team["acronym"] or team["name"],
            "name": team["name"],
            "url": reverse("registry:team_detail", kwargs={"slug": team["slug"]}),
            "projects": team_projects[team_id],
            "institutes": sorted(
                institutes[i].short_name for i in team_institutes[team_id]
            ),
        }

    ordered_teams = sorted(
        team_projects, key=lambda t: (-team_projects[t], teams[t]["name"])
    )
    return {
        "total": total,
        "cross_institute": cross_institute,
        "share": share(cross_institute, total),
        "institutes": [
            {"key": institute.short_name, "label": institute.short_name}
            for institute in institutes.values()
        ],
        "institute_pairs": [
            {
                "a": institutes[a].short_name,
                "b": institutes[b].short_name,
                "value": count,
            }
            for (a, b), count in sorted(
                institute_pairs.items(),
                key=lambda item: (-item[1], institutes[item[0][0]].short_name),
            )
        ],
        "teams": [team_node(team_id) for team_id in ordered_teams],
        "links": [
            {"a": f"t{a}", "b": f"t{b}", "value": count}
            for (a, b), count in sorted(
                team_links.items(),
                key=lambda item: (-item[1], teams[item[0][0]]["name"], item[0]),
            )
        ],
    }
