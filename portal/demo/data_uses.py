"""Which datasets a demo project uses, and its figures, from what it works on.

Claims and care pathways come from the SNDS, causes of death from the CépiDc; images,
notes and signals from hospital warehouses (the larger the warehouse, the more often),
imaging cohorts or disease registries. A project's figures (population, period, sites)
are drawn here once and written, the same, in every text that states them.
"""

import math
import random
from dataclasses import dataclass

from portal.demo.topics import Topic

WAREHOUSE = "warehouse"
# Hospital warehouses, weighted by the number of patients they hold (AP-HP's is by far
# the largest), with the first year they cover.
WAREHOUSES = {
    "EDS AP-HP": (11, 2017),
    "EDS HCL": (4, 2019),
    "EDS CHU de Bordeaux": (2.5, 2019),
    "EDS CHU de Lille": (2.5, 2018),
    "eHOP": (2, 2013),
}
CITY_WAREHOUSE = {
    "Paris": "EDS AP-HP",
    "Villejuif": "EDS AP-HP",
    "Bordeaux": "EDS CHU de Bordeaux",
    "Lille": "EDS CHU de Lille",
    "Rennes": "eHOP",
    "Lyon": "EDS HCL",
}
# Modality → the main dataset when the topic names none.
MAIN_DATASET = {
    "claims": "SNDS",
    "deaths": "CépiDc",
    "cohort": "Constances",
    "registry": "Francim",
}
# Modality → datasets a project may add, each with its probability.
EXTRA_DATASETS = {
    "claims": [("CépiDc", 0.3), ("Constances", 0.1)],
    "deaths": [("SNDS", 0.5)],
    "cohort": [("SNDS", 0.35)],
    "registry": [("SNDS", 0.3)],
    "ehr": [("SNDS", 0.35), (WAREHOUSE, 0.3)],
    "genomics": [(WAREHOUSE, 0.4)],
}
IMAGE_LIKE_EXTRAS = [(WAREHOUSE, 0.35)]
KINDS = {
    "SNDS": "claims",
    "CépiDc": "deaths",
    "Constances": "cohort",
    "E3N-E4N": "cohort",
    "NutriNet-Santé": "cohort",
    "ELFE": "cohort",
    "OFSEP": "cohort",
    "Francim": "registry",
    "BNDMR": "registry",
}
# Dataset (or warehouse modality) → the population a project may draw (low, high).
POPULATION = {
    "SNDS": (20_000, 2_000_000),
    "CépiDc": (5_000, 400_000),
    "Constances": (5_000, 200_000),
    "NutriNet-Santé": (5_000, 160_000),
    "E3N-E4N": (5_000, 98_000),
    "ELFE": (2_000, 18_000),
    "OFSEP": (2_000, 60_000),
    "Francim": (5_000, 300_000),
    "BNDMR": (500, 50_000),
    "imaging": (800, 40_000),
    "eye": (2_000, 60_000),
    "skin": (1_000, 30_000),
    "pathology": (300, 8_000),
    "video": (100, 2_000),
    "notes": (5_000, 250_000),
    "signals": (300, 20_000),
    "ehr": (2_000, 150_000),
    "genomics": (300, 10_000),
}
YEARS = {"SNDS": (5, 15), "CépiDc": (5, 20), "Francim": (5, 20), "BNDMR": (3, 10)}
LAST_YEAR = 2025
FIRST_YEAR = {
    "Constances": 2012,
    "NutriNet-Santé": 2009,
    "E3N-E4N": 1990,
    "ELFE": 2011,
    "OFSEP": 2011,
}
# Dataset → the share of its decided requests it refuses (CESREES and CNIL refuse
# more than cohorts and warehouses do); REFUSED_SHARE_OTHER for any other. Drawn per
# dataset by quota (refusals_stratified), not per request, so that even on 165
# projects the SNDS refuses most, by construction rather than by luck.
REFUSED_SHARE = {"SNDS": 0.18, "CépiDc": 0.14}
REFUSED_SHARE_OTHER = 0.11
# Requests still awaiting an answer, per 95 decided, for a project under way.
PENDING_PER_95_DECIDED = 10
TRAINING_PURPOSE = "entraînement et validation interne du modèle"
PURPOSES = {
    "warehouse": "validation externe multicentrique",
    "claims": "suivi à long terme des patients par appariement",
    "deaths": "recueil des causes de décès",
    "cohort": "validation en population générale",
    "registry": "recueil des événements de suivi",
}


@dataclass
class Figures:
    """A project's figures, drawn once: who, over how long, in how many hospitals."""

    population: int
    years: int
    sites: int = 0  # hospitals, only when the data come from hospitals


def _warehouse(rng: random.Random, city: str, exclude: set[str]) -> str:
    home = CITY_WAREHOUSE.get(city)
    if home and home not in exclude and rng.random() < 0.6:
        return home
    names = [name for name in WAREHOUSES if name not in exclude]
    return rng.choices(names, [WAREHOUSES[name][0] for name in names])[0]


def dataset_choice(rng: random.Random, topic: Topic, city: str) -> list[str]:
    """The datasets of a project on this topic led from this city, the main one first."""
    chosen = list(topic.datasets) or [
        MAIN_DATASET.get(topic.modality) or _warehouse(rng, city, set())
    ]
    if topic.modality == "genomics" and not topic.datasets:
        chosen = [_warehouse(rng, city, set())]
    extras = EXTRA_DATASETS.get(topic.modality, IMAGE_LIKE_EXTRAS)
    for name, probability in extras:
        if rng.random() < probability:
            name = _warehouse(rng, city, set(chosen)) if name == WAREHOUSE else name
            if name not in chosen:
                chosen.append(name)
    return chosen


def kind_of(name: str) -> str:
    return KINDS.get(name, WAREHOUSE)


def _rounded(value: float) -> int:
    step = 100 if value < 10_000 else 500 if value < 100_000 else 1_000
    return max(step, round(value / step) * step)


def figures_draw(rng: random.Random, topic: Topic, datasets: list[str]) -> Figures:
    main = datasets[0]
    low, high = POPULATION.get(main) or POPULATION[topic.modality]
    population = _rounded(math.exp(rng.uniform(math.log(low), math.log(high))))
    if main in WAREHOUSES:
        available = LAST_YEAR - WAREHOUSES[main][1]
        years = rng.randint(3, max(3, min(10, available)))
        several = main == "EDS AP-HP" or any(d in WAREHOUSES for d in datasets[1:])
        sites = rng.randint(3, 14) if several else 0
        return Figures(population, years, sites)
    if main in FIRST_YEAR:
        years = rng.randint(3, LAST_YEAR - FIRST_YEAR[main])
    else:
        years = rng.randint(*YEARS.get(main, (3, 12)))
    return Figures(population, years)


def _number(value: int, english: bool) -> str:
    # French groups thousands with a narrow no-break space, English with a comma.
    return f"{value:,}".replace(",", "," if english else "\u202f")


def data_sentence(name: str, figures: Figures, english: bool) -> str:
    """The one sentence that states the project's figures, in French or English."""
    n, years = _number(figures.population, english), figures.years
    kind = kind_of(name)
    if kind == WAREHOUSE:
        if english:
            where = f" in {figures.sites} hospitals" if figures.sites else ""
            return (
                f"Data from {n} patients treated{where} over {years} years are "
                f"extracted from the {name}."
            )
        where = f" dans {figures.sites} hôpitaux" if figures.sites else ""
        return (
            f"Les données de {n} patients pris en charge{where} sur {years} ans sont "
            f"extraites de l’{name}."
        )
    return {
        ("claims", False): f"Les parcours de soins de {n} patients sont reconstitués "
        f"dans le {name} sur {years} ans.",
        ("claims", True): f"The care pathways of {n} patients are rebuilt from the "
        f"{name} over {years} years.",
        ("deaths", False): f"Les {n} décès étudiés, survenus sur {years} ans, sont "
        f"documentés par la base des causes médicales de décès du {name}.",
        ("deaths", True): f"The {n} deaths studied, over {years} years, come from the "
        f"{name} causes-of-death database.",
        ("cohort", False): f"La cohorte {name} fournit {n} participants suivis "
        f"{years} ans.",
        ("cohort", True): f"The {name} cohort provides {n} participants followed for "
        f"{years} years.",
        ("registry", False): f"Le registre {name} apporte {n} cas documentés sur "
        f"{years} ans.",
        ("registry", True): f"The {name} registry provides {n} documented cases over "
        f"{years} years.",
    }[(kind, english)]


def extra_sentence(name: str, english: bool) -> str:
    """What a further dataset brings, without figures (they are the main one's)."""
    kind = kind_of(name)
    if kind == WAREHOUSE:
        return (
            f"External validation uses the {name}."
            if english
            else f"Une validation externe est menée sur l’{name}."
        )
    return {
        ("claims", False): f"Un appariement au {name} assure le suivi à long terme.",
        ("claims", True): f"Linkage to the {name} provides long-term follow-up.",
        ("deaths", False): f"Les causes de décès sont obtenues auprès du {name}.",
        ("deaths", True): f"Causes of death are obtained from the {name}.",
        ("cohort", False): f"La cohorte {name} sert à la validation en population "
        "générale.",
        ("cohort", True): f"The {name} cohort serves for validation in the general "
        "population.",
        ("registry", False): f"Le registre {name} fournit les événements de suivi.",
        ("registry", True): f"The {name} registry provides follow-up events.",
    }[(kind, english)]


def dataset_uses(
    rng: random.Random, names: list[str], status: str
) -> list[tuple[str, str, str]]:
    """(acronym, purpose, access status) of each dataset, the main one training.

    A decided request is "granted" here; refusals_stratified then refuses its
    dataset's quota of them, once every project is drawn.
    """
    uses = []
    for index, name in enumerate(names):
        if status == "planned":
            access = "requested"
        else:
            # One draw whatever the weights, so the project's later draws stay put.
            # A finished project is no longer waiting.
            pending = PENDING_PER_95_DECIDED if status == "active" else 0
            access = rng.choices(["granted", "requested"], [95, pending])[0]
        uses.append(
            (name, PURPOSES[kind_of(name)] if index else TRAINING_PURPOSE, access)
        )
    return uses


def refused_quota(name: str, decided: int) -> int:
    """How many of a dataset's decided requests it refuses: its share, rounded up for
    the dataset that refuses most and down for the others, so that rounding on a few
    requests never reverses their order."""
    share = REFUSED_SHARE.get(name, REFUSED_SHARE_OTHER)
    exact = decided * share
    return math.ceil(exact) if share == max(REFUSED_SHARE.values()) else int(exact)


def refusals_stratified(uses: dict[str, list[tuple]]) -> dict[str, list[tuple]]:
    """Each project's dated dataset uses (acronym, purpose, status, dates…), keyed by
    project, with each dataset's quota of its decided requests refused. The quota's
    requests are picked by a generator of the dataset's own (seeded by its name): the
    choice does not move when another dataset gains a request."""
    by_name: dict[str, list[tuple[str, str]]] = {}
    for project, rows in sorted(uses.items()):
        for name, _purpose, status, *_dates in rows:
            if status != "requested":
                by_name.setdefault(name, []).append((name, project))
    refused = set()
    for name, requests in sorted(by_name.items()):
        random.Random(f"refused:{name}").shuffle(requests)
        refused.update(requests[: refused_quota(name, len(requests))])
    return {
        project: [
            (name, purpose, "refused" if (name, project) in refused else status, *rest)
            for name, purpose, status, *rest in rows
        ]
        for project, rows in uses.items()
    }
