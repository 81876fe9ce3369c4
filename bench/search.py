"""The search benchmark behind `make bench`: synthetic published projects, bulk
indexing throughput, and search latency for Elasticsearch, the database fallback and
a naive `icontains` query.

Only the `search_bench` command and its test call this module. The data is made with
`bulk_create` (no signals, so nothing reaches the outbox) in its own database.
"""

import math
import random
import re
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from importlib import import_module
from pathlib import Path

from django.apps import apps
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from projects.models import (
    Domain,
    Project,
    ProjectDataset,
    ProjectMember,
    ProjectPartner,
    Technique,
)
from registry.models import Dataset, Organisation, Person, Team
from search.indexing import index_rebuild
from search.sources import SOURCES

Progress = Callable[[int, int], None]
SLUG_PREFIX = "bench-"
# Projects written per transaction: each chunk commits with its links, so a count of
# bench projects equal to the target means a complete run.
CHUNK = 2000

# --- vocabularies -------------------------------------------------------------------
# (phrase after an objective, domain slug): the slugs are the seeded taxonomy's.
DISEASES = [
    ("de l’insuffisance cardiaque", "insuffisance-cardiaque"),
    ("de la fibrillation atriale", "troubles-du-rythme"),
    ("de l’infarctus du myocarde", "cardiologie"),
    ("de l’hypertension artérielle", "cardiologie"),
    ("du cancer du sein", "cancer-du-sein"),
    ("du cancer du poumon", "cancer-du-poumon"),
    ("du cancer colorectal", "cancers-digestifs"),
    ("du carcinome hépatocellulaire", "cancers-digestifs"),
    ("des leucémies aiguës", "hematologie"),
    ("des lymphomes", "hematologie"),
    ("de l’accident vasculaire cérébral (AVC)", "avc"),
    ("de la maladie d’Alzheimer", "maladies-neurodegeneratives"),
    ("de la maladie de Parkinson", "maladies-neurodegeneratives"),
    ("de l’épilepsie", "epilepsie"),
    ("de la sclérose en plaques", "sclerose-en-plaques"),
    ("de la dépression", "psychiatrie"),
    ("de la schizophrénie", "psychiatrie"),
    ("du diabète de type 2", "endocrinologie"),
    ("de la rétinopathie diabétique", "ophtalmologie"),
    ("de la DMLA", "ophtalmologie"),
    ("du glaucome", "ophtalmologie"),
    ("de la BPCO", "pneumologie"),
    ("de la pneumonie", "pneumologie"),
    ("de l’asthme sévère", "pneumologie"),
    ("du sepsis", "sepsis"),
    ("des infections à bactéries multirésistantes", "antibioresistance"),
    ("de la COVID-19", "infectiologie"),
    ("de l’insuffisance rénale chronique", "nephrologie"),
    ("du mélanome", "dermatologie"),
    ("du psoriasis", "dermatologie"),
    ("de la prématurité", "pediatrie"),
    ("des chutes de la personne âgée", "geriatrie"),
    ("de la fragilité du sujet âgé", "geriatrie"),
    ("de l’arrêt cardiaque extrahospitalier", "urgences"),
    ("du syndrome de détresse respiratoire aiguë", "urgences"),
    ("de la mucoviscidose", "maladies-rares"),
    ("de la drépanocytose", "maladies-rares"),
    ("des effets indésirables médicamenteux", "pharmacoepidemiologie"),
    ("des complications postopératoires", "chirurgie"),
    ("des nodules thyroïdiens", "radiologie"),
    ("des tumeurs cérébrales", "oncologie"),
    ("du cancer de la prostate", "oncologie"),
]
OBJECTIVES = [
    "Détection précoce",
    "Prédiction du risque",
    "Diagnostic automatisé",
    "Pronostic",
    "Suivi à domicile",
    "Stratification des patients",
    "Dépistage",
    "Aide à la décision thérapeutique dans la prise en charge",
    "Prédiction de la mortalité",
    "Prédiction des réhospitalisations",
    "Caractérisation",
    "Quantification de la sévérité",
]
MODALITIES = [
    "par IRM",
    "sur scanner thoracique",
    "à partir de l’électrocardiogramme (ECG)",
    "sur images de fond d’œil",
    "par échographie",
    "sur lames numérisées d’anatomopathologie",
    "à partir des comptes rendus médicaux",
    "sur radiographies thoraciques",
    "à partir de l’EEG",
    "par dermatoscopie",
    "sur mammographies",
    "par TEP-scanner",
    "à partir de capteurs connectés",
    "à partir de données génomiques",
    "à partir du dossier patient informatisé",
    "par tomographie par cohérence optique (OCT)",
    "à partir de la voix",
    "sur vidéos d’endoscopie",
]
# (phrase, technique slug)
TECHNIQUES = [
    ("par apprentissage profond", "apprentissage-profond"),
    ("par réseaux de neurones convolutifs", "reseaux-convolutifs"),
    ("fondé sur des transformers", "transformers"),
    ("par modèles génératifs", "modeles-generatifs"),
    ("par forêts aléatoires et gradient boosting", "methodes-ensemblistes"),
    ("par modèles de survie", "modeles-de-survie"),
    ("par traitement automatique des langues", "tal"),
    ("fondé sur de grands modèles de langage (LLM)", "grands-modeles-de-langage"),
    ("par vision par ordinateur", "vision"),
    ("par segmentation automatique", "segmentation"),
    ("par apprentissage fédéré multicentrique", "apprentissage-federe"),
    ("par inférence causale", "inference-causale"),
    ("par apprentissage par renforcement", "apprentissage-par-renforcement"),
    ("par analyse de séries temporelles", "series-temporelles"),
    ("par réseaux de neurones sur graphes", "graphes"),
    ("explicable (XAI)", "ia-explicable"),
    ("de type jumeau numérique", "jumeaux-numeriques"),
    ("à base de règles expertes", "ia-symbolique"),
]
POPULATIONS = [
    "les adultes hospitalisés",
    "les enfants de moins de 5 ans",
    "les personnes âgées de plus de 75 ans",
    "les patients suivis en ville",
    "les femmes enceintes",
    "les patients admis aux urgences",
    "les patients de réanimation",
    "les patients atteints de maladies chroniques",
]
OUTCOMES = [
    "Le modèle est validé sur une cohorte externe et comparé aux pratiques actuelles.",
    "L’objectif est de réduire les délais diagnostiques.",
    "Une étude prospective multicentrique évaluera l’impact clinique.",
    "Les prédictions seront intégrées au dossier patient.",
    "Un outil d’aide à la décision sera proposé aux cliniciens.",
    "La robustesse est évaluée entre établissements et entre populations.",
    "Le code et les poids du modèle seront publiés sous licence libre.",
    "L’équité du modèle entre sous-groupes de patients est mesurée.",
]
CITIES = [
    "Paris", "Lyon", "Marseille", "Toulouse", "Bordeaux", "Lille", "Nantes",
    "Strasbourg", "Montpellier", "Rennes", "Grenoble", "Nice", "Rouen", "Brest",
    "Tours", "Dijon", "Clermont-Ferrand", "Nancy", "Reims", "Angers", "Caen",
    "Poitiers", "Limoges", "Besançon", "Amiens", "Saint-Étienne", "Nîmes", "Metz",
]  # fmt: skip
INSTITUTES = [
    ("Institut national de la santé et de la recherche médicale", "Inserm"),
    ("Centre national de la recherche scientifique", "CNRS"),
    ("Institut national de recherche en informatique et en automatique", "Inria"),
    ("Commissariat à l’énergie atomique et aux énergies alternatives", "CEA"),
    ("Institut de recherche pour le développement", "IRD"),
    ("Institut Pasteur", ""),
]
# (acronym, name, kind)
DATASETS = [
    ("SNDS", "Système national des données de santé", "claims"),
    ("PMSI", "Programme de médicalisation des systèmes d’information", "claims"),
    ("EDS AP-HP", "Entrepôt de données de santé de l’AP-HP", "warehouse"),
    ("Constances", "Cohorte Constances", "cohort"),
    ("CépiDc", "Causes médicales de décès", "registry"),
    ("E3N", "Cohorte E3N des femmes de la MGEN", "cohort"),
    ("ELFE", "Étude longitudinale française depuis l’enfance", "cohort"),
    ("Memento", "Cohorte Memento sur les troubles cognitifs", "cohort"),
    ("OFSEP", "Observatoire français de la sclérose en plaques", "registry"),
    ("REIN", "Réseau épidémiologie et information en néphrologie", "registry"),
    ("UK Biobank", "UK Biobank", "cohort"),
    ("MIMIC-IV", "Medical Information Mart for Intensive Care", "warehouse"),
    ("TCGA", "The Cancer Genome Atlas", "omics"),
    ("CONSTANCES-IRM", "Imagerie cérébrale de la cohorte Constances", "imaging"),
]
FIRST_NAMES = (
    "Camille Léa Manon Chloé Inès Sarah Emma Lucie Julie Claire Anne Sophie Marie "
    "Thomas Nicolas Julien Pierre Antoine Hugo Louis Paul Mathieu Karim Mehdi Yann"
).split()
LAST_NAMES = (
    "Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon "
    "Laurent Lefebvre Michel Garcia David Bertrand Roux Vincent Fournier Morel "
    "Girard André Mercier Dupont Lambert Bonnet François Martinez Benali Nguyen"
).split()
SYLLABLES = "ca di neu ro pul mo on co vi sa la te ri ma no ga zo lu be ta".split()
ACRONYM_TAILS = ["IA", "NET", "PRED", "SCAN", "LEARN", "DX", "CARE", "TWIN", "AI"]

# --- seeding ----------------------------------------------------------------------


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
    teams = _teams_seed(rng, organisations, count=min(300, max(5, scale // 20)))
    people = _people_seed(rng, count=min(400, max(5, scale // 10)))
    return Registry(
        hospitals=hospitals,
        organisations=organisations,
        teams=teams,
        people=people,
        datasets=_datasets_seed(rng, organisations),
        domains=dict(Domain.objects.values_list("slug", "pk")),
        techniques=dict(Technique.objects.values_list("slug", "pk")),
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
    rng: random.Random, organisations: list[Organisation], *, count: int
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
        for index, city in enumerate(rng.choice(CITIES) for _ in range(count))
    )
    Team.parents.through.objects.bulk_create(
        Team.parents.through(team_id=team.pk, organisation_id=parent.pk)
        for team in teams
        for parent in {rng.choice(institutes), rng.choice(universities)}
    )
    return teams


def _people_seed(rng: random.Random, *, count: int) -> list[Person]:
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
        for index in range(count)
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


# --- indexing -----------------------------------------------------------------------


@dataclass
class IndexingResult:
    search_type: str
    documents: int
    seconds: float

    @property
    def per_second(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0


def bench_index(
    *, types: list[str], progress_for: Callable[[str], Progress] | None = None
) -> list[IndexingResult]:
    """Rebuild each type's index with `index_rebuild`, timing the whole of it."""
    results = []
    for search_type in types:
        documents = SOURCES[search_type].public_rows().count()
        started = time.monotonic()
        index_rebuild(
            search_type=search_type,
            progress=progress_for(search_type) if progress_for else None,
        )
        results.append(
            IndexingResult(search_type, documents, time.monotonic() - started)
        )
    return results


# --- latency ------------------------------------------------------------------------


@dataclass(frozen=True)
class BenchQuery:
    """A query people type, with facet values named by slug where they are terms."""

    q: str
    filters: dict[str, list[str]] = field(default_factory=dict)


QUERIES = [
    BenchQuery("IRM"),
    BenchQuery("AVC"),
    BenchQuery("SNDS"),
    BenchQuery("cancer du sein"),
    BenchQuery("insuffisance cardiaque"),
    BenchQuery("apprentissage profond imagerie"),
    BenchQuery("rétinopathie diabétique fond d’œil"),
    BenchQuery("retinopathie diabetique"),
    BenchQuery("épilepsie EEG"),
    BenchQuery("sclérose en plaques"),
    BenchQuery("alzhiemer"),
    BenchQuery("mélanome dermatoscopie"),
    BenchQuery("prédiction de la mortalité en réanimation"),
    BenchQuery("segmentation tumeurs cérébrales"),
    BenchQuery("grands modèles de langage comptes rendus"),
    BenchQuery("pneumonie radiographie"),
    BenchQuery("fibrillation atriale ECG"),
    BenchQuery("sepsis", {"domain": ["infectiologie"]}),
    BenchQuery("IRM", {"technique": ["apprentissage-profond"]}),
    BenchQuery("AVC", {"status": ["active"]}),
    BenchQuery("parkinson", {"start_year": ["2020", "2021"]}),
    BenchQuery("dépistage", {"domain": ["oncologie"], "status": ["completed"]}),
]
TERM_FACETS = {"domain": Domain, "technique": Technique}


def query_params(query: BenchQuery) -> dict[str, list[str]]:
    """The API parameters of a query, taxonomy slugs turned into ids."""
    params: dict[str, list[str]] = {"q": [query.q]}
    for name, values in query.filters.items():
        model = TERM_FACETS.get(name)
        if model is None:
            params[name] = list(values)
            continue
        ids = model.objects.filter(slug__in=values).values_list("pk", flat=True)
        params[name] = [str(pk) for pk in ids]
    return params


@dataclass
class Sample:
    ms: float
    total: int
    engine: str
    took_ms: float = 0.0  # what the engine reports for itself


Fetch = Callable[[dict[str, list[str]]], Sample]


def http_fetch(base_url: str) -> Fetch:
    """A GET on the API of a running server, timed from request to last byte."""
    import requests

    session = requests.Session()

    def fetch(params: dict[str, list[str]]) -> Sample:
        started = time.perf_counter()
        response = session.get(f"{base_url}/api/v1/search/", params=params, timeout=120)
        elapsed = (time.perf_counter() - started) * 1000
        return _sample(elapsed, response.status_code, response.json())

    return fetch


def client_fetch(client) -> Fetch:
    """The same through Django's test client, in this process."""

    def fetch(params: dict[str, list[str]]) -> Sample:
        started = time.perf_counter()
        response = client.get("/api/v1/search/", params)
        elapsed = (time.perf_counter() - started) * 1000
        return _sample(elapsed, response.status_code, response.json())

    return fetch


def _sample(ms: float, status: int, body: dict) -> Sample:
    if status == 400:  # the floor measurement: a rejected request, no search
        return Sample(ms, 0, "none")
    if status != 200:
        raise RuntimeError(f"search API answered {status}: {body}")
    return Sample(ms, body["total"], body["engine"], body["took_ms"])


def naive_fetch(params: dict[str, list[str]]) -> Sample:
    """`icontains` on title or summary for each word: the page and its count."""
    started = time.perf_counter()
    rows = Project.objects.public()
    for word in [w for w in re.findall(r"\w+", params["q"][0]) if len(w) > 1]:
        rows = rows.filter(Q(title__icontains=word) | Q(summary__icontains=word))
    for name, model in TERM_FACETS.items():
        if params.get(name):
            ids = model.with_descendant_ids(params[name])
            rows = rows.filter(**{f"{name}s__in": ids})
    if params.get("status"):
        rows = rows.filter(status__in=params["status"])
    if params.get("start_year"):
        rows = rows.filter(start_date__year__in=params["start_year"])
    rows = rows.distinct()
    list(rows[:20])
    total = rows.count()
    elapsed = (time.perf_counter() - started) * 1000
    return Sample(elapsed, total, "naive", elapsed)


def measure(
    fetch: Fetch,
    queries: list[dict[str, list[str]]],
    *,
    rounds: int,
    budget_seconds: float = 600,
    expect_engine: str | None = None,
) -> list[list[Sample]]:
    """One warm-up pass, then up to `rounds` passes over the queries (at least one,
    fewer if the budget runs out). Returns the samples of each query."""
    for params in queries:
        fetch(params)
    samples: list[list[Sample]] = [[] for _ in queries]
    deadline = time.monotonic() + budget_seconds
    for _ in range(rounds):
        for index, params in enumerate(queries):
            sample = fetch(params)
            if expect_engine and sample.engine != expect_engine:
                raise RuntimeError(
                    f"{expect_engine} expected, {sample.engine} answered {params}"
                )
            samples[index].append(sample)
        if time.monotonic() > deadline:
            break
    return samples


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile: a value that was measured, never an interpolation."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


@dataclass
class LatencySummary:
    engine: str
    p50: float
    p95: float
    took_p50: float  # the engine's own time, without Django and HTTP
    requests: int
    totals: list[int]  # the hit count of each query, to check engines agree roughly


def summarise(engine: str, samples: list[list[Sample]]) -> LatencySummary:
    values = [sample.ms for per_query in samples for sample in per_query]
    took = [sample.took_ms for per_query in samples for sample in per_query]
    return LatencySummary(
        engine=engine,
        p50=percentile(values, 0.5),
        p95=percentile(values, 0.95),
        took_p50=percentile(took, 0.5),
        requests=len(values),
        totals=[per_query[0].total if per_query else 0 for per_query in samples],
    )


# --- the API server and the report ------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def api_server(
    *, env: dict[str, str], log: Path, wait_seconds: float = 60
) -> Iterator[str]:
    """A one-worker gunicorn on 127.0.0.1 serving the portal with `env`; its URL.
    Its output goes to `log` (the floor's 400 answers would fill the terminal)."""
    import requests

    port = free_port()
    log.parent.mkdir(parents=True, exist_ok=True)
    output = log.open("a")
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "portal.wsgi:application",
         "--bind", f"127.0.0.1:{port}", "--workers", "1", "--timeout", "300",
         "--log-level", "warning"],
        env=env, stdout=output, stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + wait_seconds
        while True:
            try:
                requests.get(f"{url}/api/v1/search/?page=0", timeout=5)
                break
            except requests.ConnectionError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"gunicorn did not start: {log}") from None
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)
        output.close()


def results_table(
    summaries: list[LatencySummary], baseline: str = "Elasticsearch (API)"
) -> str:
    reference = next((s.p50 for s in summaries if s.engine == baseline), None)
    lines = [
        "| engine | p50 ms | p95 ms | p50 ratio vs Elasticsearch "
        "| engine's own p50 ms | requests |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for summary in summaries:
        ratio = f"×{summary.p50 / reference:.1f}" if reference else "–"
        lines.append(
            f"| {summary.engine} | {summary.p50:.1f} | {summary.p95:.1f} "
            f"| {ratio} | {summary.took_p50:.0f} | {summary.requests} |"
        )
    return "\n".join(lines)


def indexing_lines(results: list[IndexingResult]) -> str:
    return "\n".join(
        f"Bulk indexing ({r.search_type}): {r.documents} documents in "
        f"{r.seconds:.1f} s → {r.per_second:.0f} docs/s"
        for r in results
    )


def queries_table(queries: list[BenchQuery], summaries: list[LatencySummary]) -> str:
    """Hits per query and engine: how selective each query is."""
    head = " | ".join(s.engine for s in summaries)
    lines = [f"| query | filters | {head} |", "|---|---|" + "---:|" * len(summaries)]
    for index, query in enumerate(queries):
        filters = ", ".join(f"{k}={'+'.join(v)}" for k, v in query.filters.items())
        counts = " | ".join(str(s.totals[index]) for s in summaries)
        lines.append(f"| {query.q} | {filters} | {counts} |")
    return "\n".join(lines)
