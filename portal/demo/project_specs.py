"""The fictional projects, drawn from the fixed seed before anything is written.

Generating everything in memory first keeps runs deterministic whatever the database
holds: a re-run draws the same projects and only writes the missing ones. A project
follows from its lead team's specialty (portal/demo/specialties.py): a topic in one of
the team's domains that its techniques can handle; partner teams bring what the lead
lacks (the project's domain, or a technique its data need).
"""

import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from portal.demo import texts
from portal.demo.abstracts import abstracts
from portal.demo.access_dates import access_dated, stage_reached_on
from portal.demo.data_uses import (
    dataset_choice,
    dataset_uses,
    figures_draw,
    refusals_stratified,
)
from portal.demo.fictional import SITES, TeamSpec
from portal.demo.partners import (
    PartnerDraw,
    handles_one,
    institutes_of,
    partners_draw,
)
from portal.demo.titles import TITLE_FORMS, acronym_from, project_title
from portal.demo.topics import TOPICS
from projects.models.project import stage_for_trl

PROJECT_COUNT = 165
DRAFT_SHARE = 0.08
TODAY = date(2026, 11, 1)  # fixed, so that statuses and dates never drift between runs
# Share of a team's projects that stray from its domains (same techniques).
STRAY_SHARE = 0.08
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
    # (acronym, purpose, access status, requested on, decided on)
    datasets: list[tuple[str, str, str, date, date | None]]
    fundings: list[tuple[str, str, str, int]]  # (funder name, programme, ref, euros)
    publications: list[tuple[str, int, str, str]] = field(default_factory=list)
    status: str = "active"
    trl: int = 1
    start: date = TODAY
    end: date = TODAY
    ce_class: str = ""
    ai_act_risk: str = ""
    published: bool = True
    modality: str = ""
    stage_reached: date | None = None
    # Each partner's slot odds, in partner_teams' order (portal/demo/partners.py).
    partner_odds: list[dict[str, float]] = field(default_factory=list)


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


def _topic(rng, lead: TeamSpec, used_titles: set[str], used_topics: Counter):
    """A topic of the lead's specialty, a technique and a title not used yet. The
    topics used least so far come first: the registry covers its specialties' main
    problems (stroke imaging, say) before it repeats one."""
    own = [
        t for t in TOPICS if t.domain in lead.domains and t.modality in lead.modalities
    ]
    near = [t for t in TOPICS if t.modality in lead.modalities and t not in own]
    own = own or near
    for _attempt in range(40):
        pool = near if near and rng.random() < STRAY_SHARE else own
        fewest = min(used_topics[t] for t in pool)
        topic = rng.choice([t for t in pool if used_topics[t] == fewest])
        families = [t for t in lead.techniques if handles_one(t, topic.modality)]
        family = families[0] if rng.random() < 0.65 else rng.choice(families)
        children = texts.TECHNIQUES[family][4]
        technique = rng.choice(children) if children and rng.random() < 0.4 else family
        for slug in dict.fromkeys([technique, family, *families]):
            for form in rng.sample(range(TITLE_FORMS), TITLE_FORMS):
                title = project_title(
                    (topic.problem_fr, topic.problem_en),
                    (topic.data_fr, topic.data_en),
                    slug,
                    form,
                )
                if title[0] not in used_titles:
                    used_titles.add(title[0])
                    used_topics[topic] += 1
                    family = slug if slug in texts.TECHNIQUES else family
                    return topic, slug, family, title
    raise RuntimeError(f"no title left for {lead.slug}")


def project_specs(
    rng: random.Random, teams: list[TeamSpec], taken_acronyms: set[str]
) -> list[ProjectSpec]:
    """The fictional projects, a few per team, each within its lead's specialty."""
    drafts = set(rng.sample(range(PROJECT_COUNT), round(PROJECT_COUNT * DRAFT_SHARE)))
    leads = [teams[index % len(teams)] for index in range(PROJECT_COUNT)]
    rng.shuffle(leads)
    used_titles: set[str] = set()
    used_topics: Counter = Counter()
    worked_with: dict[str, set[str]] = {}  # team → teams it shared a project with
    specs = []
    for index, lead in enumerate(leads):
        topic, technique, family, (title, title_en) = _topic(
            rng, lead, used_titles, used_topics
        )
        multi = rng.random() < 0.85
        # Its own generator: preferring a past collaborator leaves the main draws as
        # they were (until a partner's members are drawn).
        again = (
            random.Random(f"partners:{lead.slug}:{index}"),
            worked_with.get(lead.slug, set()),
        )
        draw = (
            partners_draw(
                rng, lead, teams, topic, cross=rng.random() < 0.6, again=again
            )
            if multi
            else PartnerDraw()
        )
        partners, brought = draw.chosen, draw.brought
        consortium = {lead.slug, *(t.slug for t in partners)}
        for slug in consortium:
            worked_with.setdefault(slug, set()).update(consortium - {slug})
        techniques = [technique] + ([brought] if brought else [])
        start, end, status = _dates(rng)
        trl, ce_class, ai_act = _maturity(rng, status)
        names = dataset_choice(rng, topic, lead.city)
        figures = figures_draw(rng, topic, names)
        summary, summary_en, description = abstracts(
            rng, topic=topic, family=family, datasets=names, figures=figures
        )
        english = rng.random() < 0.4
        acronym = acronym_from(rng, title, taken_acronyms)
        lead_institutes = sorted(institutes_of(lead))
        # The dates have a generator of their own: the draws above and after stay put.
        dates_rng = random.Random(f"dates:{acronym}")
        spec = ProjectSpec(
            slug=f"demo-{acronym.lower()}",
            acronym=acronym,
            title=title,
            title_en=title_en if english else "",
            summary=summary,
            summary_en=summary_en if english else "",
            description=description,
            domains=[topic.subdomain or topic.domain]
            + (
                ["radiologie"]
                if topic.modality == "imaging" and topic.domain != "radiologie"
                else []
            ),
            techniques=techniques,
            keywords=list(topic.keywords) + [texts.TECHNIQUES[family][0].lower()],
            lead_team=lead.slug,
            lead_organisation=lead_institutes[0]
            if lead_institutes
            else lead.parents[0],
            partner_teams=[t.slug for t in partners],
            partner_odds=draw.odds,
            partner_hospital=SITES[lead.city][1] if rng.random() < 0.3 else "",
            members=_members(rng, lead, partners),
            datasets=access_dated(
                dates_rng,
                dataset_uses(rng, names, status),
                start=start,
                end=end,
                today=TODAY,
            ),
            fundings=_fundings(rng, lead, start),
            status=status,
            trl=trl,
            start=start,
            end=end,
            ce_class=ce_class,
            ai_act_risk=ai_act,
            published=index not in drafts,
            modality=topic.modality,
            stage_reached=stage_reached_on(
                dates_rng, stage=stage_for_trl(trl), start=start, end=end, today=TODAY
            ),
        )
        spec.publications = _publications(
            rng, spec, texts.TECHNIQUES[family][1], topic.problem_en
        )
        specs.append(spec)
    # Refusals by quota per dataset, once every request is drawn and dated.
    refused = refusals_stratified({spec.acronym: spec.datasets for spec in specs})
    for spec in specs:
        spec.datasets = refused[spec.acronym]
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
