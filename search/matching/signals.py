"""The facts team matching scores from, read from published projects only.

A team's profile is the sum of its public projects (text, domains, techniques,
datasets with access granted, co-partners, start dates) plus its own description and
declared expertise. Profiles are built in Python from a fixed number of queries, so a
caller can leave out project–team links (the benchmark hides one partnership and
that link then feeds no signal at all).
"""

import datetime
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.html import strip_tags

from projects.institutes import organisation_institute_ids
from projects.models import Project, ProjectDataset, ProjectPartner
from registry.models import Dataset, Evaluation, Organisation, Team
from search.matching.lexicon import (
    Lexicon,
    lexicon_build,
    project_profile_text,
    term_key,
)

# Words too common in this registry to say anything about a match (folded).
STOPWORDS = set(
    """
    alors aussi autre avec avoir cette ceux chez comme dans depuis donc elle elles
    entre etre leur leurs mais meme nous notre pour plus sans selon sont sous suivi
    tous tout toute toutes tres vers votre vous their this that with from into have
    donnees projet projets equipe equipes partir base basee modele modeles analyse
    outil outils etude etudes sante patients patient aide systeme approche methode
    methodes nouvelle nouveau nouveaux developpement recherche utilisation
    les des une est par sur que qui aux ces ses son sa se ne pas ou il ils on en et
    la le de du au un of the and for in to a an is are we our be by on at as or it
    its can not use using used data team teams need needs looking want seek partner
    partners who which project projects model models new based health work
    cherchons recherchons besoin souhaitons voulons equipe partenaire partenaires
    """.split()
)
# Two letters and more: IA, AI, ECG, IRM, TAL, CT count (issue 12).
WORD = re.compile(r"[a-z0-9]{2,}")
# The combining diacritics NFKD splits off French and English letters (é → e + ´):
# one regular expression, much faster than testing each character.
COMBINING = re.compile("[\u0300-\u036f]")


def text_tokens(text: str) -> list[str]:
    """Lower-case, accent-free words of 2+ letters, without stopwords, crudely
    de-pluralised so "images" meets "image"."""
    folded = unicodedata.normalize("NFKD", strip_tags(text or "").lower())
    folded = COMBINING.sub("", folded)
    tokens = []
    for word in WORD.findall(folded):
        if word in STOPWORDS or word.isdecimal():
            continue
        if len(word) > 5 and word.endswith(("s", "x")):
            word = word[:-1]
        tokens.append(word)
    return tokens


@dataclass(frozen=True)
class ProjectFacts:
    """What one public project says about the teams in it."""

    pk: int
    title: str
    words: Counter
    domains: frozenset[int]
    techniques: frozenset[int]
    granted_datasets: frozenset[int]
    teams: frozenset[int]  # lead team and partner teams
    start_date: datetime.date | None
    evaluated: bool = False  # has a published INESIA evaluation
    concepts: frozenset[str] = frozenset()  # search/matching/lexicon.py keys
    lead_team: int | None = None


@dataclass(frozen=True)
class CallFacts:
    """An open call for collaboration: what its team or project seeks."""

    pk: int
    title: str
    url: str
    team: int | None
    project: int | None
    domains: frozenset[int]
    techniques: frozenset[int]
    dataset: int | None
    dataset_name: str
    words: Counter


@dataclass
class Registry:
    """Every fact matching needs, in memory: for the benchmarks (which hide links)
    and the full rebuild of the tables; never held by a web process."""

    projects: dict[int, ProjectFacts]
    teams: dict[int, "TeamFacts"]
    domain_names: dict[int, str]
    technique_names: dict[int, str]
    calls: list[CallFacts] = field(default_factory=list)
    lexicon: Lexicon = field(default_factory=Lexicon)
    dataset_names: dict[int, str] = field(default_factory=dict)
    # Each team's public projects (a superset is harmless: users check membership).
    team_projects: dict[int, list[int]] = field(default_factory=dict)


def _with_parents(terms) -> frozenset[int]:
    return frozenset(pk for term in terms for pk in (term.pk, term.parent_id) if pk)


def _project_words(text: str, lexicon: Lexicon) -> tuple[Counter, frozenset[str]]:
    return Counter(text_tokens(text)), frozenset(lexicon.concepts(text))


def _pairs(rows) -> dict[int, list]:
    grouped: dict[int, list] = {}
    for owner, value in rows:
        grouped.setdefault(owner, []).append(value)
    return grouped


def taxonomy_load() -> tuple[dict, dict]:
    """Every domain and technique by id (small: the taxonomies)."""
    from projects.models import Domain, Technique

    return (
        {d.pk: d for d in Domain.objects.all()},
        {t.pk: t for t in Technique.objects.all()},
    )


def lexicon_load(*, domains: dict, techniques: dict, tags: Iterable[str]) -> Lexicon:
    return lexicon_build(
        terms={
            **{term_key("d", d.pk): (d.name, d.name_en) for d in domains.values()},
            **{term_key("t", t.pk): (t.name, t.name_en) for t in techniques.values()},
        },
        tags=sorted(set(tags)),
    )


def project_facts_load(
    public, *, domains: dict, techniques: dict, lexicon: Lexicon
) -> dict[int, ProjectFacts]:
    """The facts of the projects of `public` (a queryset of public projects), in a
    fixed number of queries. Plain values rather than model instances: at 10,000
    projects, instances and their prefetched relations cost seconds."""
    from projects.models import ProjectKeyword

    public_ids = public.values("pk")
    project_domains = _pairs(
        Project.domains.through.objects.filter(project_id__in=public_ids).values_list(
            "project_id", "domain_id"
        )
    )
    project_techniques = _pairs(
        Project.techniques.through.objects.filter(
            project_id__in=public_ids
        ).values_list("project_id", "technique_id")
    )
    keywords = _pairs(
        ProjectKeyword.objects.filter(content_object_id__in=public_ids).values_list(
            "content_object_id", "tag__name"
        )
    )
    partners = _pairs(
        ProjectPartner.objects.filter(
            project_id__in=public_ids, team__isnull=False
        ).values_list("project_id", "team_id")
    )
    granted = _pairs(
        ProjectDataset.objects.filter(
            project_id__in=public_ids,
            access_status=ProjectDataset.AccessStatus.GRANTED,
        ).values_list("project_id", "dataset_id")
    )
    evaluated = set(
        Evaluation.objects.public()
        .filter(project_id__in=public_ids)
        .values_list("project_id", flat=True)
    )
    facts = {}
    for pk, title, acronym, summary, description, lead_team, start in public.order_by(
        "pk"
    ).values_list(
        "pk",
        "title",
        "acronym",
        "summary",
        "description",
        "lead_team_id",
        "start_date",
    ):
        own_domains = [domains[i] for i in project_domains.get(pk, ())]
        own_techniques = [techniques[i] for i in project_techniques.get(pk, ())]
        text = project_profile_text(
            title=title,
            acronym=acronym,
            summary=summary,
            description=description,
            keywords=keywords.get(pk, ()),
            terms=own_domains + own_techniques,
        )
        members = set(partners.get(pk, ()))
        if lead_team:
            members.add(lead_team)
        words, text_concepts = _project_words(text, lexicon)
        term_concepts = {term_key("d", i) for i in _with_parents(own_domains)} | {
            term_key("t", i) for i in _with_parents(own_techniques)
        }
        facts[pk] = ProjectFacts(
            pk=pk,
            title=f"{acronym} – {title}" if acronym else title,
            words=words,
            domains=_with_parents(own_domains),
            techniques=_with_parents(own_techniques),
            granted_datasets=frozenset(granted.get(pk, ())),
            teams=frozenset(members),
            start_date=start,
            evaluated=pk in evaluated,
            concepts=frozenset(term_concepts | set(text_concepts)),
            lead_team=lead_team,
        )
    return facts


@dataclass(frozen=True)
class TeamFacts:
    """What a team says of itself: the start of its profile."""

    pk: int
    name: str  # with its acronym
    slug: str
    institutes: frozenset[int]
    institute_names: tuple[str, ...]
    words: Counter  # name, description and declared expertise
    tags: tuple[str, ...]
    bare_name: str = ""  # without its acronym


def team_facts_load(teams) -> dict[int, TeamFacts]:
    """The facts of the teams of a queryset, in a fixed number of queries."""
    teams = list(teams.prefetch_related("parents__parent", "expertise"))
    institutes = {
        team.pk: frozenset(organisation_institute_ids(team.parents.all()))
        for team in teams
    }
    names = {
        organisation.pk: organisation.short_name or ""
        for organisation in Organisation.objects.filter(
            pk__in=set().union(*institutes.values())
        )
    }
    facts = {}
    for team in teams:
        tags = tuple(tag.name for tag in team.expertise.all())
        facts[team.pk] = TeamFacts(
            pk=team.pk,
            name=str(team),
            slug=team.slug,
            institutes=institutes[team.pk],
            institute_names=tuple(
                sorted(names.get(i, "") for i in institutes[team.pk])
            ),
            words=Counter(
                text_tokens(f"{team.name} {team.description} " + " ".join(tags))
            ),
            tags=tags,
            bare_name=team.name,
        )
    return facts


def registry_load(*, project_ids: Iterable[int] | None = None) -> Registry:
    """Read the public projects and the teams into memory; a fixed number of
    queries. For the benchmarks and the full rebuild of the matching tables: a web
    request reads the tables (search/matching/store.py)."""
    public = Project.objects.public()
    if project_ids is not None:
        public = public.filter(pk__in=list(project_ids))
    domains, techniques = taxonomy_load()
    teams = team_facts_load(Team.objects.all())
    lexicon = lexicon_load(
        domains=domains,
        techniques=techniques,
        tags=(tag for team in teams.values() for tag in team.tags),
    )
    facts = project_facts_load(
        public, domains=domains, techniques=techniques, lexicon=lexicon
    )
    return Registry(
        projects=facts,
        teams=teams,
        domain_names={pk: d.name for pk, d in domains.items()},
        technique_names={pk: t.name for pk, t in techniques.items()},
        calls=open_calls_load(),
        lexicon=lexicon,
        dataset_names={d.pk: d.short_name for d in Dataset.objects.all()},
        team_projects=_team_projects(facts),
    )


def _team_projects(facts: dict[int, ProjectFacts]) -> dict[int, list[int]]:
    index: dict[int, list[int]] = {}
    for project in facts.values():
        for team_pk in project.teams:
            index.setdefault(team_pk, []).append(project.pk)
    return index


def open_calls_load() -> list[CallFacts]:
    """The visible calls (open, before their deadline, of a team or of a published
    project): drafts, closed calls and calls of unpublished projects never count."""
    from projects.collaboration.models import CollaborationCall

    calls = (
        CollaborationCall.objects.public()
        .select_related("dataset")
        .prefetch_related("domains", "techniques")
    )
    return [
        CallFacts(
            pk=call.pk,
            title=call.title,
            url=call.get_absolute_url(),
            team=call.team_id,
            project=call.project_id,
            domains=frozenset(d.pk for d in call.domains.all()),
            techniques=frozenset(t.pk for t in call.techniques.all()),
            dataset=call.dataset_id,
            dataset_name=call.dataset.short_name if call.dataset_id else "",
            words=Counter(text_tokens(f"{call.title} {call.text}")),
        )
        for call in calls
    ]
