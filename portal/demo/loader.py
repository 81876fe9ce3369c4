"""The phases of `seed_demo`, in order: each idempotent and shown with its own bar."""

import random
from typing import TextIO

from wagtail.models import Site

from portal.core.progress import Progress
from portal.demo.calls import call_specs, load_calls
from portal.demo.datasets import load_datasets
from portal.demo.evaluations import evaluation_specs, load_evaluations
from portal.demo.fictional import (
    PersonSpec,
    TeamSpec,
    load_teams_and_people,
    person_specs,
    team_specs,
)
from portal.demo.legal_bases import load_legal_bases
from portal.demo.project_specs import ProjectSpec, project_specs
from portal.demo.projects import load_projects
from portal.demo.real import load_organisations
from portal.models import PortalSettings
from registry.models import EvaluationCriterion

SEED = 2026


def demo_specs(
    rng: random.Random,
) -> tuple[list[TeamSpec], list[PersonSpec], list[ProjectSpec]]:
    """The demo's teams, people and projects, drawn from `rng` (seeded with SEED:
    the same on every call, whatever the database holds)."""
    teams = team_specs(rng)
    people = person_specs(rng, teams)
    projects = project_specs(rng, teams, {team.acronym for team in teams})
    return teams, people, projects


def load_demo(stdout: TextIO) -> list[str]:
    """Load the whole demo set; returns warnings for the command to show."""
    # Everything random is drawn before any write, so the draw never depends on what a
    # previous run left in the database.
    rng = random.Random(SEED)
    teams, people, projects = demo_specs(rng)
    criteria = dict(EvaluationCriterion.objects.values_list("code", "name"))
    evaluations = evaluation_specs(rng, projects, criteria)
    # A generator of their own: the draws above stay what they were before calls.
    calls = call_specs(random.Random(SEED + 1), teams)

    load_organisations(Progress(stdout, "Organisations réelles"))
    load_datasets(Progress(stdout, "Jeux de données réels"))
    load_teams_and_people(
        teams=teams, people=people, progress=Progress(stdout, "Équipes et personnes")
    )
    load_projects(specs=projects, progress=Progress(stdout, "Projets"))
    load_evaluations(specs=evaluations, progress=Progress(stdout, "Évaluations INESIA"))
    load_calls(specs=calls, progress=Progress(stdout, "Appels à collaboration"))
    load_legal_bases(Progress(stdout, "Bases juridiques des usages de données"))
    return _mark_site()


def _mark_site() -> list[str]:
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return ["Aucun site Wagtail par défaut : réglage demo_data_loaded non modifié."]
    settings = PortalSettings.for_site(site)
    if not settings.demo_data_loaded:
        settings.demo_data_loaded = True
        settings.save(update_fields=["demo_data_loaded"])
    return []
