"""A project's institutes, decided once.

An institute is a top-level research organisation (`Organisation.objects.institutes()`:
Inserm, Inria, CNRS, CEA…). A project belongs to an institute when the institute, or
one of its sub-organisations, leads it or takes part as a partner, or is a tutelle
of its lead team or of a partner team. The `/projets/?institute=` filter, the search
facets and index, the dashboard and team matching all read it here, so a bar, a
facet count and a filtered list always agree.
"""

from collections.abc import Iterable

from django.db.models import Q, QuerySet

from registry.models import Organisation

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


def organisation_institute_ids(organisations: Iterable[Organisation]) -> set[int]:
    """The institutes of organisations already loaded with their parents (indexing
    and matching walk prefetched rows instead of querying again)."""
    return {
        organisation.institute_id
        for organisation in organisations
        if organisation.institute_id is not None
    }
