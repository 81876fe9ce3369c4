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
from portal.demo.fictional import CEA, CNRS, INRIA, INSERM, SITES, TeamSpec
from portal.demo.specialties import TECHNIQUE_MODALITIES
from portal.demo.titles import TITLE_FORMS, acronym_from, project_title
from portal.demo.topics import TOPICS, Topic
from projects.models.project import stage_for_trl

PROJECT_COUNT = 165
DRAFT_SHARE = 0.08
TODAY = date(2026, 11, 1)  # fixed, so that statuses and dates never drift between runs
INSTITUTES = {INSERM, INRIA, CNRS, CEA}
# Share of a team's projects that stray from its domains (same techniques).
STRAY_SHARE = 0.08
# Chance that a partner slot goes to a fitting team the lead has worked with before:
# consortia co-apply to the next call. With 0.3, 47 % of partner links repeat a (lead,
# partner) pair of another project (34 % with no preference, 44 % before topics were
# drawn least-used first); 0.5 would give 53 %.
AGAIN_SHARE = 0.3
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


def institutes_of(team: TeamSpec) -> set[str]:
    return INSTITUTES & set(team.parents)


def is_cross_institute(institute_sets: list[set[str]]) -> bool:
    """Partner teams under different institutes, none of them common to all teams."""
    if len(institute_sets) < 2:
        return False
    return len(set.union(*institute_sets)) >= 2 and not set.intersection(
        *institute_sets
    )


def _complements(
    lead: TeamSpec, teams: list[TeamSpec], topic: Topic
) -> tuple[list[TeamSpec], list[TeamSpec]]:
    """Teams bringing a technique the topic's data need, and teams of its domain."""
    by_technique = [
        t
        for t in teams
        if any(
            x not in lead.techniques and _handles_one(x, topic.modality)
            for x in t.techniques
        )
    ]
    return by_technique, [t for t in teams if topic.domain in t.domains]


def _partners(
    rng,
    lead: TeamSpec,
    teams: list[TeamSpec],
    topic: Topic,
    cross: bool,
    again: tuple[random.Random, set[str]] | None = None,
) -> tuple[list[TeamSpec], str | None]:
    """Partner teams that complement the lead, and the technique one of them brings.

    The first partner brings either a technique the data need that the lead lacks, or
    the clinical domain; the others share the project's domain. A team of the lead's
    own specialty (its twin) is never the complement. `again` (a generator of its own
    and the teams the lead has worked with) gives each slot, with AGAIN_SHARE, to a
    past collaborator from the same pool.
    """
    count = rng.choice([1, 1, 2, 3])
    others = [t for t in teams if t.specialty != lead.specialty]
    crossing = [
        t
        for t in others
        if institutes_of(t) and not institutes_of(t) & institutes_of(lead)
    ]
    by_technique, by_domain = _complements(lead, crossing if cross else others, topic)
    if cross and not (by_technique or by_domain):
        by_technique, by_domain = _complements(lead, others, topic)
    chosen, brought = [], None
    if by_technique and (rng.random() < 0.5 or not by_domain):
        first = _again(rng.choice(by_technique), by_technique, [], again)
        chosen = [first]
        brought = next(
            t
            for t in first.techniques
            if t not in lead.techniques and _handles_one(t, topic.modality)
        )
    pool = [t for t in by_domain if t not in chosen] or [
        t for t in by_technique if t not in chosen
    ]
    if not chosen and not pool:
        # Nobody else works on this domain or data: a team sharing the lead's other
        # domain, as real consortia do.
        pool = [t for t in others if set(t.domains) & set(lead.domains)] or others
    while len(chosen) < count and pool:
        team = _again(rng.choice(pool), pool, chosen, again)
        chosen.append(team)
        pool.remove(team)
    return chosen, brought


def _again(
    drawn: TeamSpec,
    pool: list[TeamSpec],
    chosen: list[TeamSpec],
    again: tuple[random.Random, set[str]] | None,
) -> TeamSpec:
    """The drawn team, or with AGAIN_SHARE a past collaborator of the lead from the
    same pool. The main draw is made either way, so the main sequence stays aligned."""
    if again is None:
        return drawn
    again_rng, worked_with = again
    known = [t for t in pool if t.slug in worked_with and t not in chosen]
    if known and again_rng.random() < AGAIN_SHARE:
        return again_rng.choice(known)
    return drawn


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
        families = [t for t in lead.techniques if _handles_one(t, topic.modality)]
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


def _handles_one(technique: str, modality: str) -> bool:
    return modality in TECHNIQUE_MODALITIES[technique]


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
        partners, brought = (
            _partners(rng, lead, teams, topic, cross=rng.random() < 0.6, again=again)
            if multi
            else ([], None)
        )
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
