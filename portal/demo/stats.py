"""The figures `seed_demo` reports at the end, read back from the database."""

from portal.demo.project_specs import is_cross_institute
from projects.models import Project, ProjectPartner
from registry.models import Dataset, Evaluation, Organisation, Person, Team

INSTITUTE = Organisation.Kind.RESEARCH_INSTITUTE


def partner_institute_sets() -> dict[int, list[set[int]]]:
    """Project id → for each partner team, the ids of its parent research institutes."""
    institutes: dict[int, set[int]] = {}
    for team_id, org_id in Team.parents.through.objects.filter(
        organisation__kind=INSTITUTE
    ).values_list("team_id", "organisation_id"):
        institutes.setdefault(team_id, set()).add(org_id)
    by_project: dict[int, list[set[int]]] = {}
    for project_id, team_id in ProjectPartner.objects.filter(
        team__isnull=False
    ).values_list("project_id", "team_id"):
        by_project.setdefault(project_id, []).append(institutes.get(team_id, set()))
    return by_project


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
    }
