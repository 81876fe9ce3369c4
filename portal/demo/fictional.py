"""Fictional research teams and people, attached to real institutes and universities.

Everything here is generated from a fixed seed and marked `is_fictional`; rows are keyed
on slugs so that a second run updates them instead of adding more.
"""

import random
from dataclasses import dataclass, field
from datetime import date

from django.utils.text import slugify
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from portal.core.progress import Progress
from portal.demo.specialties import SPECIALTIES
from portal.demo.taxonomy_names import domain_names, technique_names
from portal.demo.titles import acronym_from
from portal.demo.vocabulary import FIRST_NAMES, LAST_NAMES, ROLE_TITLES
from registry.models import Membership, Organisation, Person, Team
from registry.validators import orcid_check_digit

TEAM_COUNT = 48
PERSON_COUNT = 180

# City → (university ROR, hospital ROR); CEA laboratories only where the CEA has sites.
SITES = {
    "Paris": ("05f82e368", "00pg5jh14"),
    "Villejuif": ("03xjwb503", "0321g0743"),
    "Bordeaux": ("057qpr032", "01hq89f96"),
    "Lille": ("02kzqn938", "02ppyfa04"),
    "Rennes": ("015m7wh34", "05qec5a53"),
    "Grenoble": ("02rx3b187", "041rhpw39"),
    "Marseille": ("035xkbk20", "002cp4060"),
    "Strasbourg": ("00pg6eq24", "04bckew43"),
    "Montpellier": ("051escj72", "00mthsf17"),
    "Lyon": ("029brtt94", "01502ca60"),
    "Nantes": ("03gnr7b55", "05c1qsg97"),
    "Nice": ("019tgvf94", "05qsjq305"),
    "Toulouse": ("02v6kpv12", "017h5q109"),
}
CEA_CITIES = ["Villejuif", "Grenoble", "Paris"]
INSERM, INRIA, CNRS, CEA = "02vjkv261", "02kvxyf05", "02feahw73", "00jjx8s55"


@dataclass
class TeamSpec:
    slug: str
    acronym: str
    name: str
    kind: str
    city: str
    rnsr: str
    parents: list[str]
    tags: list[str]
    domains: list[str]
    techniques: list[str]
    description: str
    specialty: str = ""
    modalities: tuple[str, ...] = ()
    members: list[tuple[str, str]] = field(default_factory=list)  # (person slug, role)


@dataclass
class PersonSpec:
    slug: str
    first_name: str
    last_name: str
    orcid: str
    title: str
    tags: list[str]


def _rnsr(rng: random.Random) -> str:
    # Shaped like real codes (year of creation, serial number, key letter).
    year, serial = rng.randint(2008, 2023), rng.randrange(10**5)
    return f"{year}{serial:05d}{rng.choice('ABCDEFGHJKLMNPRSTUVWXYZ')}"


def _orcid(rng: random.Random) -> str:
    # The 0000-0000 block lies outside the ranges ORCID allocates: no real person's id.
    base = "00000000" + "".join(str(rng.randrange(10)) for _ in range(7))
    digits = base + orcid_check_digit(base)
    return "-".join(digits[i : i + 4] for i in range(0, 16, 4))


def _parents(rng: random.Random, kind: str, city: str) -> list[str]:
    university, hospital = SITES[city]
    parents = {
        "umr": [INSERM, university] + ([CNRS] if rng.random() < 0.5 else []),
        "inserm_unit": [INSERM, university],
        "project_team": [INRIA, university] + ([CNRS] if rng.random() < 0.3 else []),
        "laboratory": [CEA] + ([university] if rng.random() < 0.6 else []),
        "clinical": [hospital, university] + ([INSERM] if rng.random() < 0.3 else []),
    }[kind]
    return parents


def team_specs(rng: random.Random) -> list[TeamSpec]:
    """The fictional teams: each specialty in two or three cities, mostly joint units.

    A team keeps to one specialty (a technique family and one or two domains), which
    its name, expertise and description state and its projects follow.
    """
    specs, taken, rnsr_taken = [], set(), set()
    for index in range(TEAM_COUNT):
        specialty = SPECIALTIES[index % len(SPECIALTIES)]
        variants = specialty.domain_variants
        domains = list(variants[(index // len(SPECIALTIES)) % len(variants)])
        kind = rng.choice(specialty.kinds)
        city = rng.choice(CEA_CITIES if kind == "laboratory" else list(SITES))
        acronym = acronym_from(rng, specialty.name, taken)
        rnsr = _rnsr(rng)
        while rnsr in rnsr_taken:
            rnsr = _rnsr(rng)
        rnsr_taken.add(rnsr)
        techniques = list(specialty.techniques)
        specs.append(
            TeamSpec(
                slug=f"demo-{acronym.lower()}",
                acronym=acronym,
                name=f"{specialty.name} – {city}",
                kind=kind,
                city=city,
                rnsr=rnsr,
                parents=_parents(rng, kind, city),
                tags=list(specialty.tags)
                + rng.sample(
                    [
                        "IA de confiance",
                        "données massives",
                        "cohortes",
                        "essais cliniques",
                        "open source",
                    ],
                    1,
                ),
                domains=domains,
                techniques=techniques,
                description=(
                    f"Équipe fictive de démonstration à {city}. Spécialité : "
                    f"{_listed(technique_names(techniques))} ; domaines : "
                    f"{', '.join(_lower(domain_names(domains)))}."
                ),
                specialty=specialty.name,
                modalities=specialty.modalities,
            )
        )
    return specs


def _lower(names: list[str]) -> list[str]:
    return [name[0].lower() + name[1:] for name in names]


def _listed(names: list[str]) -> str:
    names = _lower(names)
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} et {names[-1]}"


def person_specs(rng: random.Random, teams: list[TeamSpec]) -> list[PersonSpec]:
    """The fictional people, each placed in one team (a few in two)."""
    names = [(first, last) for first in FIRST_NAMES for last in LAST_NAMES]
    rng.shuffle(names)
    people = []
    for index, (first, last) in enumerate(names[:PERSON_COUNT]):
        team = teams[index % len(teams)]
        if index < len(teams):
            role = "head"
        elif team.kind == "clinical":
            role = rng.choice(
                ["clinician", "clinician", "researcher", "phd", "engineer"]
            )
        else:
            role = rng.choice(
                [
                    "researcher",
                    "professor",
                    "engineer",
                    "postdoc",
                    "phd",
                    "phd",
                    "clinician",
                ]
            )
        slug = f"demo-{slugify(first)}-{slugify(last)}"
        team.members.append((slug, role))
        if rng.random() < 0.15:
            other = rng.choice(teams)
            if other is not team:
                other.members.append((slug, "researcher"))
        people.append(
            PersonSpec(
                slug=slug,
                first_name=first,
                last_name=last,
                orcid=_orcid(rng) if rng.random() < 0.45 else "",
                title=ROLE_TITLES[role],
                tags=rng.sample(team.tags, 2),
            )
        )
    return people


def _email(slug: str) -> str:
    # example.org is reserved for documentation: a demo address can never reach anyone.
    return f"{slug.removeprefix('demo-').replace('-', '.')}@example.org"


def _save(model, slug: str, values: dict, tags: list[str], written: list):
    """Insert or update one row by slug, writing only when something differs."""
    row = model.objects.filter(slug=slug).first() or model(slug=slug)
    changed = [key for key, value in values.items() if getattr(row, key) != value]
    for key in changed:
        setattr(row, key, values[key])
    if row.pk is None or changed:
        row.full_clean()
        row.save()
        written.append(row)
    if set(row.expertise.names()) != set(tags):
        row.expertise.set(tags)
        row.save()
        written.append(row)
    return row


def load_teams_and_people(
    *, teams: list[TeamSpec], people: list[PersonSpec], progress: Progress
) -> None:
    """Create or update the fictional teams, people and memberships, and team leads."""
    progress.start(len(teams) + len(people))
    written: list = []
    # Wagtail's reference index is refreshed once per written row at the end rather
    # than on every save of every tag and membership.
    with disable_reference_index_auto_update():
        _load(teams, people, progress, written)
    for row in {(type(row), row.pk): row for row in written}.values():
        ReferenceIndex.create_or_update_for_object(row)
    progress.finish()


def _load(
    teams: list[TeamSpec], people: list[PersonSpec], progress: Progress, written: list
) -> None:
    organisations = {org.ror_id: org for org in Organisation.objects.exclude(ror_id="")}
    team_rows = {}
    for spec in teams:
        team = _save(
            Team,
            spec.slug,
            {
                "name": spec.name,
                "acronym": spec.acronym,
                "kind": spec.kind,
                "city": spec.city,
                "rnsr": spec.rnsr,
                "description": spec.description,
                "is_fictional": True,
            },
            spec.tags,
            written,
        )
        wanted = {organisations[ror].pk for ror in spec.parents}
        if set(team.parents.values_list("pk", flat=True)) != wanted:
            team.parents.set(wanted)
        team_rows[spec.slug] = team
        progress.step()
    person_rows = {}
    for spec in people:
        person_rows[spec.slug] = _save(
            Person,
            spec.slug,
            {
                "first_name": spec.first_name,
                "last_name": spec.last_name,
                "orcid": spec.orcid,
                "title": spec.title,
                "is_fictional": True,
                "email": _email(spec.slug),
            },
            spec.tags,
            written,
        )
        progress.step()
    for spec in teams:
        team = team_rows[spec.slug]
        for index, (person_slug, role) in enumerate(spec.members):
            Membership.objects.update_or_create(
                person=person_rows[person_slug],
                team=team,
                defaults={"role": role, "start_date": date(2015 + index % 8, 9, 1)},
            )
        head = person_rows[next(slug for slug, role in spec.members if role == "head")]
        if team.lead_id != head.pk:
            team.lead = head
            team.save(update_fields=["lead", "updated_at"])
            written.append(team)
