"""Synthetic published projects and the registry rows they point to, written with
`bulk_create` (no signals, so nothing reaches the outbox) in a database of their own."""

import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from importlib import import_module

from django.apps import apps
from django.db import transaction
from django.utils import timezone

from bench.search.vocabulary import (
    ACRONYM_TAILS,
    CITIES,
    DATASETS,
    DISEASES,
    FIRST_NAMES,
    INSTITUTES,
    LAST_NAMES,
    MODALITIES,
    OBJECTIVES,
    OUTCOMES,
    POPULATIONS,
    SYLLABLES,
    TECHNIQUES,
)
from projects.models import (
    Domain,
    Project,
    ProjectDataset,
    ProjectMember,
    ProjectPartner,
    Technique,
)
from registry.models import Dataset, Organisation, Person, Team

Progress = Callable[[int, int], None]
SLUG_PREFIX = "bench-"
# Projects written per transaction: each chunk commits with its links, so a count of
# bench projects equal to the target means a complete run.
CHUNK = 2000


@dataclass
class Registry:
    """The rows projects point to, kept in memory while projects are generated."""

    hospitals: list[Organisation]
    organisations: list[Organisation]
    teams: list[Team]
    people: list[Person]
    datasets: list[Dataset]
    domains: dict[str, int]
    techniques: dict[str, int]


@dataclass
class SeedReport:
    projects: int
    seconds: float
    reused: bool


def bench_projects_count() -> int:
    return Project.objects.filter(slug__startswith=SLUG_PREFIX).count()


def bench_seed(
    *, projects: int, seed: int = 2024, progress: Progress | None = None
) -> SeedReport:
    """Make `projects` published synthetic projects and what they point to.

    Reuses the data when exactly that many bench projects exist; the caller gives an
    empty database otherwise (see the `search_bench` command).
    """
    started = time.monotonic()
    if bench_projects_count() == projects:
        # A database seeded with fewer teams, people or datasets gets the missing ones.
        registry_extend(random.Random(seed + 1), scale=projects)
        return SeedReport(projects, time.monotonic() - started, reused=True)
    rng = random.Random(seed)
    registry = _registry_seed(rng, scale=projects)
    done = 0
    while done < projects:
        size = min(CHUNK, projects - done)
        with transaction.atomic():
            _projects_seed(rng, registry, first=done, size=size)
        done += size
        if progress:
            progress(done, projects)
    return SeedReport(projects, time.monotonic() - started, reused=False)


def _registry_seed(rng: random.Random, *, scale: int) -> Registry:
    if not Domain.objects.exists():  # flushed by a transactional test, for one
        seed_terms = import_module("projects.migrations.0003_seed_taxonomies")
        seed_terms.seed_terms(apps, None)
    organisations = _organisations_seed(rng)
    hospitals = [o for o in organisations if o.kind == Organisation.Kind.HOSPITAL]
    teams = _teams_seed(rng, organisations, count=teams_target(scale))
    people = _people_seed(rng, count=people_target(scale))
    datasets = _datasets_seed(rng, organisations)
    datasets += _more_datasets(
        rng, organisations, datasets_target(scale) - len(datasets)
    )
    return Registry(
        hospitals=hospitals,
        organisations=organisations,
        teams=teams,
        people=people,
        datasets=datasets,
        domains=dict(Domain.objects.values_list("slug", "pk")),
        techniques=dict(Technique.objects.values_list("slug", "pk")),
    )


# At national scale (issue 15): 3,000 teams, 4,000 people, 10 × the base datasets at
# 100,000 projects; 300, 400 and the base list at 10,000, as before.
def teams_target(scale: int) -> int:
    return max(5, scale * 3 // 100)


def people_target(scale: int) -> int:
    return max(5, scale // 25)


def datasets_target(scale: int) -> int:
    return (
        len(DATASETS) + 15
        if scale <= 10_000
        else (len(DATASETS) + 15) * scale // 10_000
    )


def _organisations_seed(rng: random.Random) -> list[Organisation]:
    kind = Organisation.Kind
    rows = [(name, acronym, kind.RESEARCH_INSTITUTE) for name, acronym in INSTITUTES]
    rows += [(f"CHU de {city}", f"CHU {city}", kind.HOSPITAL) for city in CITIES]
    rows += [(f"Université de {city}", "", kind.UNIVERSITY) for city in CITIES]
    rows += [
        (f"{_word(rng).capitalize()} {_word(rng).capitalize()} Santé", "", kind.COMPANY)
        for _ in range(150)
    ]
    rows += [("Caisse nationale de l’Assurance maladie", "CNAM", kind.AGENCY)]
    organisations = Organisation.objects.bulk_create(
        Organisation(
            name=name,
            acronym=acronym,
            kind=org_kind,
            city=rng.choice(CITIES),
            slug=f"{SLUG_PREFIX}org-{index}",
            is_fictional=True,
        )
        for index, (name, acronym, org_kind) in enumerate(rows)
    )
    # Regional branches of the institutes: facets roll them up to their parent.
    branches = Organisation.objects.bulk_create(
        Organisation(
            name=f"{parent.acronym or parent.name} – délégation de {city}",
            kind=kind.RESEARCH_INSTITUTE,
            city=city,
            parent=parent,
            slug=f"{SLUG_PREFIX}org-{parent.pk}-{city.lower()}",
            is_fictional=True,
        )
        for parent in organisations[:3]
        for city in CITIES[:8]
    )
    return organisations + branches


def _teams_seed(
    rng: random.Random, organisations: list[Organisation], *, count: int, first: int = 0
) -> list[Team]:
    institutes = [o for o in organisations if o.kind == "institute"]
    universities = [o for o in organisations if o.kind == "university"]
    topics = ["imagerie biomédicale", "santé numérique", "épidémiologie clinique",
              "neurosciences computationnelles", "recherche translationnelle",
              "intelligence artificielle en santé", "biostatistique"]  # fmt: skip
    teams = Team.objects.bulk_create(
        Team(
            name=f"Laboratoire de {rng.choice(topics)} de {city}",
            acronym=f"L{_word(rng).upper()}{index}",
            kind=rng.choice(Team.Kind.values),
            city=city,
            description=f"Équipe de recherche en {rng.choice(topics)} à {city}.",
            slug=f"{SLUG_PREFIX}team-{index}",
            is_fictional=True,
        )
        for index, city in enumerate(
            (rng.choice(CITIES) for _ in range(count)), start=first
        )
    )
    Team.parents.through.objects.bulk_create(
        Team.parents.through(team_id=team.pk, organisation_id=parent.pk)
        for team in teams
        for parent in {rng.choice(institutes), rng.choice(universities)}
    )
    return teams


def _people_seed(rng: random.Random, *, count: int, first: int = 0) -> list[Person]:
    titles = ["chercheuse", "chercheur", "PU-PH", "ingénieur de recherche",
              "data scientist", "doctorante"]  # fmt: skip
    return Person.objects.bulk_create(
        Person(
            first_name=rng.choice(FIRST_NAMES),
            last_name=rng.choice(LAST_NAMES),
            title=rng.choice(titles),
            slug=f"{SLUG_PREFIX}person-{index}",
            is_fictional=True,
        )
        for index in range(first, first + count)
    )


def _datasets_seed(
    rng: random.Random, organisations: list[Organisation]
) -> list[Dataset]:
    rows = list(DATASETS)
    rows += [(f"EDS {city}", f"Entrepôt de données du CHU de {city}", "warehouse")
             for city in CITIES[1:16]]  # fmt: skip
    return Dataset.objects.bulk_create(
        Dataset(
            acronym=acronym,
            name=name,
            kind=kind,
            producer=rng.choice(organisations),
            description=f"{name} : données de santé réutilisables pour la recherche.",
            access_route=rng.choice(Dataset.AccessRoute.values),
            access_procedure="Demande motivée auprès du producteur.",
            slug=f"{SLUG_PREFIX}dataset-{index}",
            is_fictional=True,
        )
        for index, (acronym, name, kind) in enumerate(rows)
    )


def _more_datasets(
    rng: random.Random, organisations: list[Organisation], count: int
) -> list[Dataset]:
    """Regional copies of the base datasets, beyond the base list."""
    first = Dataset.objects.filter(slug__startswith=f"{SLUG_PREFIX}dataset-").count()
    if count <= 0:
        return []
    return Dataset.objects.bulk_create(
        Dataset(
            acronym=f"{acronym}-{CITIES[index % len(CITIES)][:3].upper()}{index}",
            name=f"{name} ({CITIES[index % len(CITIES)]})",
            kind=kind,
            producer=rng.choice(organisations),
            description=f"{name} : extraction régionale pour la recherche.",
            access_route=rng.choice(Dataset.AccessRoute.values),
            access_procedure="Demande motivée auprès du producteur.",
            slug=f"{SLUG_PREFIX}dataset-{index}",
            is_fictional=True,
        )
        for index, (acronym, name, kind) in zip(
            range(first, first + count), _cycle(DATASETS, count), strict=True
        )
    )


def _cycle(rows: list, count: int) -> list:
    return [rows[index % len(rows)] for index in range(count)]


def registry_extend(rng: random.Random, *, scale: int) -> None:
    """Add the teams, people and datasets a database seeded at an older ratio lacks,
    each linked to as many random bench projects as an average one (60 projects
    per team, 50 per person, 345 per dataset at 100,000 projects); idempotent."""
    bench = lambda kind: f"{SLUG_PREFIX}{kind}-"  # noqa: E731
    project_ids = list(
        Project.objects.filter(slug__startswith=SLUG_PREFIX).values_list(
            "pk", flat=True
        )
    )
    teams = Team.objects.filter(slug__startswith=bench("team")).count()
    people = Person.objects.filter(slug__startswith=bench("person")).count()
    datasets = Dataset.objects.filter(slug__startswith=bench("dataset")).count()
    organisations = list(Organisation.objects.filter(slug__startswith=bench("org")))
    links = max(1, len(project_ids) * 18 // 10 // max(1, teams_target(scale)))
    with transaction.atomic():
        if teams < teams_target(scale):
            new = _teams_seed(
                rng, organisations, count=teams_target(scale) - teams, first=teams
            )
            ProjectPartner.objects.bulk_create(
                (
                    ProjectPartner(
                        project_id=pk,
                        team=team,
                        role=rng.choice(ProjectPartner.Role.values),
                    )
                    for team in new
                    for pk in rng.sample(project_ids, min(links, len(project_ids)))
                ),
                batch_size=5000,
            )
        if people < people_target(scale):
            per_person = max(1, len(project_ids) * 2 // people_target(scale))
            new = _people_seed(rng, count=people_target(scale) - people, first=people)
            ProjectMember.objects.bulk_create(
                (
                    ProjectMember(project_id=pk, person=person, role="co_investigator")
                    for person in new
                    for pk in rng.sample(project_ids, min(per_person, len(project_ids)))
                ),
                batch_size=5000,
            )
        if datasets < datasets_target(scale):
            per_dataset = max(1, len(project_ids) // datasets_target(scale))
            new = _more_datasets(rng, organisations, datasets_target(scale) - datasets)
            ProjectDataset.objects.bulk_create(
                (
                    ProjectDataset(project_id=pk, dataset=dataset, purpose="validation")
                    for dataset in new
                    for pk in rng.sample(
                        project_ids, min(per_dataset, len(project_ids))
                    )
                ),
                batch_size=5000,
            )


def _projects_seed(
    rng: random.Random, registry: Registry, *, first: int, size: int
) -> None:
    now = timezone.now()
    specs = [
        _project_spec(rng, registry, index) for index in range(first, first + size)
    ]
    projects = Project.objects.bulk_create(
        [spec["project"] for spec in specs], batch_size=1000
    )
    for project in projects:
        project.first_published_at = project.last_published_at = now
    domains, techniques, partners, uses, members = [], [], [], [], []
    for project, spec in zip(projects, specs, strict=True):
        domains += [
            Project.domains.through(project_id=project.pk, domain_id=pk)
            for pk in spec["domains"]
        ]
        techniques += [
            Project.techniques.through(project_id=project.pk, technique_id=pk)
            for pk in spec["techniques"]
        ]
        partners += [_partner(rng, registry, project) for _ in range(rng.randint(0, 3))]
        uses += [
            ProjectDataset(project=project, dataset=dataset, purpose="entraînement")
            for dataset in spec["datasets"]
        ]
        members += [
            ProjectMember(project=project, person=person, role=role)
            for person, role in spec["members"]
        ]
    Project.domains.through.objects.bulk_create(domains, batch_size=5000)
    Project.techniques.through.objects.bulk_create(techniques, batch_size=5000)
    ProjectPartner.objects.bulk_create(partners, batch_size=5000)
    ProjectDataset.objects.bulk_create(uses, batch_size=5000)
    ProjectMember.objects.bulk_create(members, batch_size=5000)


def _project_spec(rng: random.Random, registry: Registry, index: int) -> dict:
    disease, domain = rng.choice(DISEASES)
    technique, technique_slug = rng.choice(TECHNIQUES)
    objective, modality = rng.choice(OBJECTIVES), rng.choice(MODALITIES)
    datasets = rng.sample(registry.datasets, rng.choice([0, 1, 1, 1, 2]))
    title = f"{objective} {disease} {modality}"
    if rng.random() < 0.5:
        title += f" {technique}"
    team = rng.choice(registry.teams) if rng.random() < 0.9 else None
    origin = (
        f"des données {', '.join(d.acronym for d in datasets)}"
        if datasets
        else f"de {rng.randint(2, 40) * 100} patients recrutés à {rng.choice(CITIES)}"
    )
    summary = (
        f"Ce projet développe un modèle {technique} pour la "
        f"{objective.lower()} {disease} chez {rng.choice(POPULATIONS)}. "
        f"Les données proviennent {origin}. {rng.choice(OUTCOMES)}"
    )
    start = date(2015, 1, 1) + timedelta(days=rng.randint(0, 11 * 365))
    project = Project(
        title=title[:255],
        acronym=f"{rng.choice(SYLLABLES)}{rng.choice(SYLLABLES)}".upper()
        + f"-{rng.choice(ACRONYM_TAILS)}",
        slug=f"{SLUG_PREFIX}{index:07d}",
        summary=summary,
        status=rng.choice(Project.Status.values),
        trl=rng.randint(1, 9),
        start_date=start,
        end_date=start + timedelta(days=rng.randint(365, 5 * 365)),
        lead_organisation=rng.choice(registry.hospitals + registry.organisations[:6]),
        lead_team=team,
        live=True,
        is_fictional=True,
    )
    domains = {registry.domains[domain]}
    if rng.random() < 0.2:
        domains.add(rng.choice(list(registry.domains.values())))
    techniques = {registry.techniques[technique_slug]}
    if rng.random() < 0.3:
        techniques.add(rng.choice(list(registry.techniques.values())))
    people = rng.sample(registry.people, min(len(registry.people), rng.randint(1, 3)))
    roles = ["pi"] + [rng.choice(["co_investigator", "engineer", "phd"])] * 2
    return {
        "project": project,
        "domains": domains,
        "techniques": techniques,
        "datasets": datasets,
        "members": list(zip(people, roles, strict=False)),
    }


def _partner(rng: random.Random, registry: Registry, project: Project):
    role = rng.choice(ProjectPartner.Role.values)
    if rng.random() < 0.6:
        return ProjectPartner(
            project=project, team=rng.choice(registry.teams), role=role
        )
    return ProjectPartner(
        project=project, organisation=rng.choice(registry.organisations), role=role
    )


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3)))
