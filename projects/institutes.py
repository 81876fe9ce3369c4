"""A project's institutes, decided once.

An institute is a top-level research organisation (`Organisation.objects.institutes()`:
Inserm, Inria, CNRS, CEA…). A project belongs to an institute when the institute, or
one of its sub-organisations, leads it or takes part as a partner, or is a tutelle
of its lead team or of a partner team. The `/projets/?institute=` filter, the search
facets and index, the dashboard and team matching all read it here, so a bar, a
facet count and a filtered list always agree. An institute *leads* a project when it
(or a sub-organisation) is the lead organisation or a tutelle of the lead team: the
home page and the dashboard's "lead" column read that rule here too.
"""

from collections import defaultdict
from collections.abc import Iterable

from django.db.models import Q, QuerySet

from registry.models import Organisation, Team

# Every path from a project to an organisation that may be, or sit under, an institute.
INSTITUTE_PATHS = (
    "lead_organisation",
    "lead_organisation__parent",
    "lead_team__parents",
    "lead_team__parents__parent",
    "partners__organisation",
    "partners__organisation__parent",
    "partners__team__parents",
    "partners__team__parents__parent",
)


# The paths through which an institute leads a project (the lead organisation, or a
# tutelle of the lead team): the "lead" count, beside the participation above.
LEAD_INSTITUTE_PATHS = tuple(
    path for path in INSTITUTE_PATHS if path.startswith("lead_")
)


def project_lead_institute_q(institute_ids: Iterable[int]) -> Q:
    """Projects led by any of these institutes (lead organisation or lead team)."""
    ids = list(institute_ids)
    condition = Q()
    for path in LEAD_INSTITUTE_PATHS:
        condition |= Q(**{f"{path}__in": ids})
    return condition


def project_institute_q(institute_ids: Iterable[int]) -> Q:
    """Projects of any of these institutes (join on partners: use `.distinct()`)."""
    ids = list(institute_ids)
    condition = Q()
    for path in INSTITUTE_PATHS:
        condition |= Q(**{f"{path}__in": ids})
    return condition


def project_institute_pairs(projects: QuerySet) -> set[tuple[int, int]]:
    """(project id, institute id) for these projects, in one query per path."""
    institutes = set(Organisation.objects.institutes().values_list("pk", flat=True))
    pairs: set[tuple[int, int]] = set()
    for path in INSTITUTE_PATHS:
        for project_id, organisation_id in projects.values_list("pk", path):
            if organisation_id in institutes:
                pairs.add((project_id, organisation_id))
    return pairs


class InstituteMap:
    """INSTITUTE_PATHS walked in memory, for many projects at once (the search index
    reads 100,000 projects): an organisation stands for itself and its parent, a
    team for its tutelles and their parents. Two small queries, whatever the number
    of projects; tests/search/test_institute_paths.py holds it to the queries."""

    def __init__(self):
        institutes = set(Organisation.objects.institutes().values_list("pk", flat=True))
        self.of_organisation: dict[int, frozenset[int]] = {
            pk: frozenset(o for o in (pk, parent) if o in institutes)
            for pk, parent in Organisation.objects.values_list("pk", "parent_id")
        }
        of_team: dict[int, set[int]] = defaultdict(set)
        for team, tutelle in Team.parents.through.objects.values_list(
            "team_id", "organisation_id"
        ):
            of_team[team] |= self.of_organisation.get(tutelle, frozenset())
        self.of_team = {team: frozenset(ids) for team, ids in of_team.items()}

    def of_project(
        self, *, organisations: Iterable[int | None], teams: Iterable[int | None]
    ) -> set[int]:
        """The institutes of a project led by or partnered with these organisations
        and teams (None where a partner has no team or no organisation)."""
        found: set[int] = set()
        for organisation in organisations:
            found |= self.of_organisation.get(organisation, frozenset())
        for team in teams:
            found |= self.of_team.get(team, frozenset())
        return found


def organisation_institute_ids(organisations: Iterable[Organisation]) -> set[int]:
    """The institutes of organisations already loaded with their parents (indexing
    and matching walk prefetched rows instead of querying again)."""
    return {
        organisation.institute_id
        for organisation in organisations
        if organisation.institute_id is not None
    }
