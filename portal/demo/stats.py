"""The figures `seed_demo` reports at the end, read back from the database."""

from django.db.models import F

from portal.demo.partners import is_cross_institute
from projects.institutes import organisation_institute_ids
from projects.models import Project, ProjectPartner
from registry.models import Dataset, Evaluation, Organisation, Person, Team


def partner_institute_sets() -> dict[int, list[set[int]]]:
    """Project id → for each partner team, the ids of its institutes (the one rule)."""
    institutes = {
        team.pk: organisation_institute_ids(team.parents.all())
        for team in Team.objects.prefetch_related("parents__parent")
    }
    by_project: dict[int, list[set[int]]] = {}
    for project_id, team_id in ProjectPartner.objects.filter(
        team__isnull=False
    ).values_list("project_id", "team_id"):
        by_project.setdefault(project_id, []).append(institutes.get(team_id, set()))
    return by_project


def repeated_pair_share(links: list[tuple[object, object, object]]) -> float:
    """Share of (project, lead team, partner team) links whose lead and partner pair
    up again in another project: consortia that co-apply to the next call."""
    projects_of: dict[tuple, set] = {}
    for project, lead, partner in links:
        projects_of.setdefault((lead, partner), set()).add(project)
    repeated = sum(len(p) for p in projects_of.values() if len(p) >= 2)
    return repeated / len(links) if links else 0.0


def partner_links() -> list[tuple[int, int, int]]:
    """(project, lead team, partner team) for every project with a lead team; the
    lead's own coordinator row is no partner link."""
    return list(
        ProjectPartner.objects.filter(
            team__isnull=False, project__lead_team__isnull=False
        )
        .exclude(team=F("project__lead_team"))
        .values_list("project_id", "project__lead_team_id", "team_id")
    )


def demo_counts() -> dict[str, object]:
    """Counts of the registry's rows and the collaboration shares of its projects."""
    projects = Project.objects.count()
    partner_sets = partner_institute_sets()
    multi = sum(1 for sets in partner_sets.values() if len(sets) >= 2)
    cross = sum(1 for sets in partner_sets.values() if is_cross_institute(sets))
    return {
        "organisations": Organisation.objects.count(),
        "teams": Team.objects.count(),
        "people": Person.objects.count(),
        "datasets": Dataset.objects.count(),
        "projects_published": Project.objects.public().count(),
        "projects_draft": Project.objects.unpublished().count(),
        "evaluations": {
            status: Evaluation.objects.filter(status=status).count()
            for status in Evaluation.Status.values
        },
        "multi_partner_pct": round(100 * multi / projects, 1) if projects else 0.0,
        "cross_institute_pct": round(100 * cross / projects, 1) if projects else 0.0,
        "repeated_pairs_pct": round(100 * repeated_pair_share(partner_links()), 1),
    }
