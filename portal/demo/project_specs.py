"""The fictional projects, drawn from the fixed seed before anything is written.

Generating everything in memory first keeps runs deterministic whatever the database
holds: a re-run draws the same projects and only writes the missing ones.
"""

import random
from dataclasses import dataclass, field
from datetime import date

from portal.demo import texts
from portal.demo.fictional import (
    CEA,
    CNRS,
    INRIA,
    INSERM,
    SITES,
    TeamSpec,
    invent_acronym,
)

PROJECT_COUNT = 165
DRAFT_SHARE = 0.08
TODAY = date(2026, 11, 1)  # fixed, so that statuses and dates never drift between runs
INSTITUTES = {INSERM, INRIA, CNRS, CEA}

SETTINGS = [
    ("à partir de données multicentriques", "from multicentre data"),
    ("en vie réelle", "in real-world settings"),
    ("dans les entrepôts de données hospitaliers", "in hospital data warehouses"),
    ("à l’échelle nationale", "at national scale"),
    ("au lit du patient", "at the bedside"),
    ("en soins primaires", "in primary care"),
    ("par une approche multimodale", "with a multimodal approach"),
    ("", ""),
]
# Domain → acronyms of the datasets it most often uses; others fall back on EDS + SNDS.
DOMAIN_DATASETS = {
    "sante-publique": ["SNDS", "CépiDc", "Constances", "E3N-E4N", "NutriNet-Santé"],
    "oncologie": ["Francim", "E3N-E4N", "SNDS"],
    "endocrinologie": ["NutriNet-Santé", "Constances", "SNDS"],
    "cardiologie": ["Constances", "SNDS"],
    "geriatrie": ["SNDS", "Constances"],
    "psychiatrie": ["SNDS", "CépiDc"],
}
CITY_WAREHOUSE = {
    "Paris": "EDS AP-HP",
    "Bordeaux": "EDS CHU de Bordeaux",
    "Lille": "EDS CHU de Lille",
    "Rennes": "eHOP",
    "Lyon": "EDS HCL",
}
WAREHOUSES = list(CITY_WAREHOUSE.values())
DATASET_KINDS = {
    "SNDS": "claims",
    "CépiDc": "registry",
    "Francim": "registry",
    "Constances": "cohort",
    "E3N-E4N": "cohort",
    "NutriNet-Santé": "cohort",
}
# The first dataset trains the model; the others serve as their kind allows.
TRAINING_PURPOSE = "entraînement et validation interne du modèle"
PURPOSES = {
    "warehouse": "validation externe multicentrique",
    "claims": "suivi à long terme des patients par appariement",
    "cohort": "validation en population générale",
    "registry": "recueil des événements de suivi (décès, cancers)",
}
REGION_OF_CITY = {
    "Paris": "Région Île-de-France",
    "Villejuif": "Région Île-de-France",
    "Bordeaux": "Région Nouvelle-Aquitaine",
    "Rennes": "Région Bretagne",
}


@dataclass
class ProjectSpec:
    slug: str
    acronym: str
    title: str
    title_en: str
    summary: str
    summary_en: str
    description: str
    domains: list[str]
    techniques: list[str]
    keywords: list[str]
    lead_team: str
    lead_organisation: str  # ROR id
    partner_teams: list[str]
    partner_hospital: str  # ROR id or ""
    members: list[tuple[str, str]]  # (person slug, role)
    datasets: list[tuple[str, str, str]]  # (acronym, purpose, access status)
    fundings: list[tuple[str, str, str, int]]  # (funder name, programme, ref, euros)
    publications: list[tuple[str, int, str, str]] = field(default_factory=list)
    status: str = "active"
    trl: int = 1
    start: date = TODAY
    end: date = TODAY
    ce_class: str = ""
    ai_act_risk: str = ""
    published: bool = True


def institutes_of(team: TeamSpec) -> set[str]:
    return INSTITUTES & set(team.parents)


def is_cross_institute(institute_sets: list[set[str]]) -> bool:
    """Partner teams under different institutes, none of them common to all teams."""
    if len(institute_sets) < 2:
        return False
    return len(set.union(*institute_sets)) >= 2 and not set.intersection(
        *institute_sets
    )


def _partners(
    rng, lead: TeamSpec, teams: list[TeamSpec], cross: bool
) -> list[TeamSpec]:
    count = rng.choice([1, 1, 2, 3])
    for _attempt in range(50):
        if cross:
            pool = [
                t
                for t in teams
                if t is not lead
                and institutes_of(t)
                and not institutes_of(t) & institutes_of(lead)
            ]
        else:
            pool = [
                t
                for t in teams
                if t is not lead
                and set(t.domains + t.techniques) & set(lead.domains + lead.techniques)
            ]
        pool = pool or [t for t in teams if t is not lead]
        chosen = rng.sample(pool, min(count, len(pool)))
        sets = [institutes_of(t) for t in [lead, *chosen]]
        if not cross or is_cross_institute(sets):
            return chosen
    return chosen


def _dates(rng) -> tuple[date, date, str]:
    start = date(rng.randint(2018, 2027), rng.randint(1, 12), 1)
    months = rng.choice([24, 36, 36, 48, 48, 60])
    end = date(
        start.year + (start.month - 1 + months) // 12,
        (start.month - 1 + months) % 12 + 1,
        1,
    )
    if start > TODAY:
        status = "planned"
    elif end < TODAY:
        status = "stopped" if rng.random() < 0.1 else "completed"
    else:
        status = "stopped" if rng.random() < 0.04 else "active"
    return start, end, status


def _maturity(rng, status: str) -> tuple[int, str, str]:
    low, high = {
        "planned": (1, 3),
        "active": (2, 7),
        "completed": (4, 9),
        "stopped": (2, 5),
    }[status]
    trl = rng.randint(low, high)
    if trl >= 7:
        ce_class = rng.choice(["IIa", "IIa", "IIb", "I", "III", ""])
        return trl, ce_class, "high" if ce_class else rng.choice(["limited", "minimal"])
    if trl >= 5:
        return trl, "", rng.choice(["", "high", "limited"])
    return trl, "", ""


def _datasets(
    rng, domain: str, lead: TeamSpec, status: str
) -> list[tuple[str, str, str]]:
    warehouse = CITY_WAREHOUSE.get(lead.city) or rng.choice(WAREHOUSES)
    candidates = DOMAIN_DATASETS.get(domain, [warehouse, "SNDS"])
    chosen = [rng.choice(candidates)]
    for extra in rng.sample(
        [warehouse, "SNDS", rng.choice(WAREHOUSES)], rng.randint(0, 2)
    ):
        if extra not in chosen:
            chosen.append(extra)
    uses = []
    for index, acronym in enumerate(chosen):
        if status == "planned":
            access = "requested"
        else:
            access = rng.choices(["granted", "requested", "refused"], [85, 10, 5])[0]
        kind = DATASET_KINDS.get(acronym, "warehouse")
        uses.append((acronym, PURPOSES[kind] if index else TRAINING_PURPOSE, access))
    return uses


def _fundings(rng, lead: TeamSpec, start: date) -> list[tuple[str, str, str, int]]:
    year = start.year % 100
    options = [
        (
            "Agence nationale de la recherche",
            "AAPG – Projet de recherche collaborative (PRC)",
            f"ANR-{year:02d}-CE45-{rng.randint(1, 40):04d}",
            rng.randint(3, 7) * 100_000,
        ),
        (
            "Agence nationale de la recherche",
            "AAPG – Jeunes chercheuses et jeunes chercheurs (JCJC)",
            f"ANR-{year:02d}-CE17-{rng.randint(1, 40):04d}",
            rng.randint(2, 3) * 100_000,
        ),
        (
            "France 2030",
            "PEPR Santé numérique",
            f"ANR-22-PESN-{rng.randint(1, 20):04d}",
            rng.randint(5, 20) * 100_000,
        ),
        (
            "Commission européenne",
            "Horizon Europe – Cluster 1 Santé",
            f"101{rng.randint(0, 999_999):06d}",
            rng.randint(10, 60) * 100_000,
        ),
        ("Bpifrance", "i-Démo", "", rng.randint(5, 30) * 100_000),
    ]
    if lead.city in REGION_OF_CITY:
        options.append(
            (
                REGION_OF_CITY[lead.city],
                "Appel à projets régional recherche et innovation en santé",
                "",
                rng.randint(1, 5) * 100_000,
            )
        )
    return rng.sample(options, rng.choice([1, 1, 2]))


def _summary(rng, parts: dict, english: bool, used: set[str]) -> str:
    side = 1 if english else 0
    for _attempt in range(20):
        data = [
            texts.DATA_SENTENCES[kind][side].format(
                name=name,
                n=f"{rng.randint(2, 400) * 500:,}".replace(
                    ",", " " if not english else ","
                ),
                years=rng.randint(3, 15),
            )
            for name, kind in parts["datasets"]
        ]
        sentences = [
            parts["context"][side],
            rng.choice(texts.OBJECTIVES)[side].format(problem=parts["problem"][side]),
            parts["method"][side],
            data[0],
            rng.choice(texts.RESULTS)[side],
        ]
        summary = " ".join(sentences)
        if summary not in used:
            used.add(summary)
            return summary
    raise RuntimeError("could not draw a distinct summary")


def project_specs(
    rng: random.Random, teams: list[TeamSpec], taken_acronyms: set[str]
) -> list[ProjectSpec]:
    """The fictional projects, spread over every domain and most techniques."""
    domain_keys = list(texts.DOMAINS)
    drafts = set(rng.sample(range(PROJECT_COUNT), round(PROJECT_COUNT * DRAFT_SHARE)))
    used: set[str] = set()
    specs = []
    for index in range(PROJECT_COUNT):
        domain = domain_keys[index % len(domain_keys)]
        context_fr, context_en, problems = texts.DOMAINS[domain]
        problem_fr, problem_en, subdomain, keywords = rng.choice(problems)
        leads = [t for t in teams if domain in t.domains] or teams
        lead = rng.choice(leads)
        technique = (
            rng.choice(lead.techniques)
            if rng.random() < 0.7
            else rng.choice(list(texts.TECHNIQUES))
        )
        tech_fr, tech_en, method_fr, method_en, children = texts.TECHNIQUES[technique]
        technique_slugs = [
            rng.choice(children) if children and rng.random() < 0.4 else technique
        ]
        if rng.random() < 0.3:
            technique_slugs.append(
                rng.choice([t for t in texts.TECHNIQUES if t != technique])
            )
        multi = rng.random() < 0.78
        partners = (
            _partners(rng, lead, teams, cross=rng.random() < 0.6) if multi else []
        )
        start, end, status = _dates(rng)
        trl, ce_class, ai_act = _maturity(rng, status)
        datasets = _datasets(rng, domain, lead, status)
        setting_fr, setting_en = rng.choice(SETTINGS)
        parts = {
            "context": (context_fr, context_en),
            "problem": (problem_fr, problem_en),
            "method": (method_fr, method_en),
            "datasets": [
                (name, DATASET_KINDS.get(name, "warehouse"))
                for name, _purpose, _access in datasets
            ],
        }
        english = rng.random() < 0.4
        acronym = invent_acronym(rng, taken_acronyms)
        lead_institutes = sorted(institutes_of(lead))
        members = _members(rng, lead, partners)
        spec = ProjectSpec(
            slug=f"demo-{acronym.lower()}",
            acronym=acronym,
            title=f"{tech_fr} pour {problem_fr} {setting_fr}".strip(),
            title_en=f"{tech_en} for {problem_en} {setting_en}".strip()
            if english
            else "",
            summary=_summary(rng, parts, False, used),
            summary_en=_summary(rng, parts, True, used) if english else "",
            description=_description(rng, parts),
            domains=[subdomain or domain]
            + (
                ["radiologie"]
                if technique == "vision" and domain != "radiologie"
                else []
            ),
            techniques=technique_slugs,
            keywords=keywords + [tech_fr.lower()],
            lead_team=lead.slug,
            lead_organisation=lead_institutes[0]
            if lead_institutes
            else lead.parents[0],
            partner_teams=[t.slug for t in partners],
            partner_hospital=SITES[lead.city][1] if rng.random() < 0.3 else "",
            members=members,
            datasets=datasets,
            fundings=_fundings(rng, lead, start),
            status=status,
            trl=trl,
            start=start,
            end=end,
            ce_class=ce_class,
            ai_act_risk=ai_act,
            published=index not in drafts,
        )
        spec.publications = _publications(rng, spec, tech_en, problem_en)
        specs.append(spec)
    return specs


def _members(rng, lead: TeamSpec, partners: list[TeamSpec]) -> list[tuple[str, str]]:
    head = next(slug for slug, role in lead.members if role == "head")
    members, seen = [(head, "pi")], {head}
    for team in partners:
        slug = rng.choice(team.members)[0]
        if slug not in seen:
            members.append((slug, "co_investigator"))
            seen.add(slug)
    for slug, role in rng.sample(lead.members, min(len(lead.members), 3)):
        if slug not in seen:
            members.append(
                (
                    slug,
                    {
                        "clinician": "clinician",
                        "phd": "phd",
                        "engineer": "engineer",
                    }.get(role, "data_scientist"),
                )
            )
            seen.add(slug)
    return members


def _description(rng, parts: dict) -> str:
    data = " ".join(
        texts.DATA_SENTENCES[kind][0].format(
            name=name,
            n=f"{rng.randint(2, 400) * 500:,}".replace(",", " "),
            years=rng.randint(3, 15),
        )
        for name, kind in parts["datasets"]
    )
    objective = rng.choice(texts.OBJECTIVES)[0].format(problem=parts["problem"][0])
    return (
        f"<p>{parts['context'][0]} {objective}</p><p>{parts['method'][0]} "
        f"{data}</p><p>{rng.choice(texts.GOVERNANCE)}</p>"
    )


def _publications(
    rng, spec: ProjectSpec, tech_en: str, problem_en: str
) -> list[tuple[str, int, str, str]]:
    if spec.status == "planned" or spec.start.year > 2025:
        return []
    publications = []
    for number in range(rng.choice([0, 1, 1, 2, 3])):
        year = min(spec.start.year + 1 + number, TODAY.year)
        title = rng.choice(texts.PUBLICATION_TITLES).format(
            technique=tech_en.lower(), problem=problem_en
        )
        # 10.5555 is Crossref's test prefix and hal-09… ids lie beyond HAL's current
        # range: well-formed identifiers that cannot point at a real paper.
        doi = (
            f"10.5555/demo.{spec.acronym.lower()}.{number + 1}"
            if number % 2 == 0
            else ""
        )
        hal = (
            f"hal-09{rng.randint(0, 999_999):06d}"
            if not doi or rng.random() < 0.3
            else ""
        )
        publications.append((title[0].upper() + title[1:], year, doi, hal))
    return publications
