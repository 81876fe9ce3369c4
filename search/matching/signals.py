"""The facts team matching scores from, read from published projects only.

A team's profile is the sum of its public projects (text, domains, techniques,
datasets with access granted, co-partners, start dates) plus its own description and
declared expertise. Profiles are built in Python from a fixed number of queries, so a
caller can leave out project–team links (the benchmark hides one partnership and
that link then feeds no signal at all).
"""

import datetime
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from django.utils.html import strip_tags

from projects.institutes import organisation_institute_ids
from projects.models import Project, ProjectDataset, ProjectPartner
from registry.models import Dataset, Evaluation, Organisation, Team
from search.matching.lexicon import (
    Lexicon,
    lexicon_build,
    project_profile_text,
    tag_key,
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
class TeamProfile:
    pk: int
    name: str
    slug: str
    institutes: frozenset[int]
    institute_names: tuple[str, ...]
    words: Counter = field(default_factory=Counter)
    domains: set[int] = field(default_factory=set)
    techniques: set[int] = field(default_factory=set)
    granted_datasets: set[int] = field(default_factory=set)
    collaborators: set[int] = field(default_factory=set)
    projects: set[int] = field(default_factory=set)
    evaluated_projects: set[int] = field(default_factory=set)
    open_calls: list[CallFacts] = field(default_factory=list)
    latest_start: datetime.date | None = None
    # How strongly the team stands for each concept, 0–1: its declared expertise
    # and name count fully, its projects by the share of them that name it.
    concepts: dict[str, float] = field(default_factory=dict)
    core: frozenset[str] = frozenset()  # concepts of its expertise tags and name
    tags: tuple[str, ...] = ()
    weight: float = 0.0  # its projects, a partnership counting half

    @cached_property
    def length(self) -> int:
        # Read by every text score; the words no longer change once built.
        return sum(self.words.values())


@dataclass
class Registry:
    """Every fact matching needs, read once: reused across the benchmark's queries."""

    projects: dict[int, ProjectFacts]
    teams: dict[int, Team]
    team_words: dict[int, Counter]  # description + declared expertise
    team_institutes: dict[int, frozenset[int]]
    institute_names: dict[int, str]
    domain_names: dict[int, str]
    technique_names: dict[int, str]
    calls: list[CallFacts] = field(default_factory=list)
    lexicon: Lexicon = field(default_factory=Lexicon)
    team_tags: dict[int, list[str]] = field(default_factory=dict)
    dataset_names: dict[int, str] = field(default_factory=dict)
    # Each team's public projects (a superset is harmless: users check membership).
    team_projects: dict[int, list[int]] = field(default_factory=dict)


def _with_parents(terms) -> frozenset[int]:
    return frozenset(pk for term in terms for pk in (term.pk, term.parent_id) if pk)


# Words and concepts of each project's text, kept across rebuilds in this process and
# keyed by a hash of the text (and of the lexicon): a rebuild after one edit reads
# one project again, not all of them.
_words_cache: dict[int, tuple[int, Counter, frozenset[str]]] = {}


def _project_words(
    pk: int, text: str, lexicon: Lexicon
) -> tuple[Counter, frozenset[str]]:
    key = hash((text, len(lexicon.phrases)))
    cached = _words_cache.get(pk)
    if cached is None or cached[0] != key:
        cached = _words_cache[pk] = (
            key,
            Counter(text_tokens(text)),
            frozenset(lexicon.concepts(text)),
        )
    return cached[1], cached[2]


def _pairs(rows) -> dict[int, list]:
    grouped: dict[int, list] = {}
    for owner, value in rows:
        grouped.setdefault(owner, []).append(value)
    return grouped


def registry_load(*, project_ids: Iterable[int] | None = None) -> Registry:
    """Read the public projects and the teams; a fixed number of queries.

    Plain values rather than model instances: at 10,000 projects, instances and
    their prefetched relations cost seconds that these tuples do not.
    """
    from projects.models import Domain, ProjectKeyword, Technique

    public = Project.objects.public()
    if project_ids is not None:
        public = public.filter(pk__in=list(project_ids))
    public_ids = public.values("pk")
    domains = {d.pk: d for d in Domain.objects.all()}
    techniques = {t.pk: t for t in Technique.objects.all()}
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
    teams = {
        team.pk: team
        for team in Team.objects.prefetch_related("parents__parent", "expertise")
    }
    team_tags = {
        team.pk: [tag.name for tag in team.expertise.all()] for team in teams.values()
    }
    lexicon = lexicon_build(
        terms={
            **{term_key("d", d.pk): (d.name, d.name_en) for d in domains.values()},
            **{term_key("t", t.pk): (t.name, t.name_en) for t in techniques.values()},
        },
        tags=sorted({name for names in team_tags.values() for name in names}),
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
        project_terms = [domains[i] for i in project_domains.get(pk, ())] + [
            techniques[i] for i in project_techniques.get(pk, ())
        ]
        text = project_profile_text(
            title=title,
            acronym=acronym,
            summary=summary,
            description=description,
            keywords=keywords.get(pk, ()),
            terms=project_terms,
        )
        members = set(partners.get(pk, ()))
        if lead_team:
            members.add(lead_team)
        words, text_concepts = _project_words(pk, text, lexicon)
        term_concepts = {
            term_key("d", i)
            for i in _with_parents(domains[i] for i in project_domains.get(pk, ()))
        } | {
            term_key("t", i)
            for i in _with_parents(
                techniques[i] for i in project_techniques.get(pk, ())
            )
        }
        facts[pk] = ProjectFacts(
            pk=pk,
            title=f"{acronym} – {title}" if acronym else title,
            words=words,
            domains=_with_parents(domains[i] for i in project_domains.get(pk, ())),
            techniques=_with_parents(
                techniques[i] for i in project_techniques.get(pk, ())
            ),
            granted_datasets=frozenset(granted.get(pk, ())),
            teams=frozenset(members),
            start_date=start,
            evaluated=pk in evaluated,
            concepts=frozenset(term_concepts | set(text_concepts)),
            lead_team=lead_team,
        )
    institutes = {
        team.pk: frozenset(organisation_institute_ids(team.parents.all()))
        for team in teams.values()
    }
    names = {
        organisation.pk: organisation.short_name
        for organisation in Organisation.objects.filter(
            pk__in=set().union(*institutes.values())
        )
    }
    return Registry(
        projects=facts,
        teams=teams,
        team_words={
            team.pk: Counter(
                text_tokens(
                    f"{team.name} {team.description} "
                    + " ".join(tag.name for tag in team.expertise.all())
                )
            )
            for team in teams.values()
        },
        team_institutes=institutes,
        institute_names={pk: name or "" for pk, name in names.items()},
        domain_names={pk: d.name for pk, d in domains.items()},
        technique_names={pk: t.name for pk, t in techniques.items()},
        calls=open_calls_load(),
        lexicon=lexicon,
        team_tags=team_tags,
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


def team_profiles(
    registry: Registry, *, hidden: frozenset[tuple[int, int]] = frozenset()
) -> dict[int, TeamProfile]:
    """One profile per team with at least one public project, leaving out the
    (project, team) links in `hidden` from every part of every profile."""
    profiles: dict[int, TeamProfile] = {}
    for facts in registry.projects.values():
        teams = {pk for pk in facts.teams if (facts.pk, pk) not in hidden}
        for pk in teams:
            team = registry.teams.get(pk)
            if team is None:
                continue
            profile = profiles.get(pk)
            if profile is None:
                institutes = registry.team_institutes.get(pk, frozenset())
                profile = profiles[pk] = TeamProfile(
                    pk=pk,
                    name=str(team),
                    slug=team.slug,
                    institutes=institutes,
                    institute_names=tuple(
                        sorted(registry.institute_names.get(i, "") for i in institutes)
                    ),
                    words=Counter(registry.team_words.get(pk, {})),
                    tags=tuple(registry.team_tags.get(pk, ())),
                )
            profile.words.update(facts.words)
            # Lead of a project: all of it is the team's; partner: half of it.
            share = 1.0 if facts.lead_team == pk else 0.5
            for key in facts.concepts:
                profile.concepts[key] = profile.concepts.get(key, 0.0) + share
            profile.weight += share
            profile.domains |= facts.domains
            profile.techniques |= facts.techniques
            profile.granted_datasets |= facts.granted_datasets
            profile.collaborators |= teams - {pk}
            profile.projects.add(facts.pk)
            if facts.evaluated:
                profile.evaluated_projects.add(facts.pk)
            if facts.start_date and (
                profile.latest_start is None or facts.start_date > profile.latest_start
            ):
                profile.latest_start = facts.start_date
    for profile in profiles.values():
        _profile_concepts(profile, registry)
    # A team's own calls, and those of the public projects it is (visibly) part of.
    for call in registry.calls:
        if call.team is not None:
            owners = {call.team}
        else:
            facts = registry.projects.get(call.project)
            owners = {
                pk
                for pk in (facts.teams if facts else ())
                if (call.project, pk) not in hidden
            }
        for pk in owners:
            if pk in profiles:
                profiles[pk].open_calls.append(call)
    return profiles


# What a declared expertise tag (or a concept in the team's name) adds to the share
# of the team's projects that name the concept.
DECLARED = 0.6


def _profile_concepts(profile: TeamProfile, registry: Registry) -> None:
    """Turn the project counts into 0–1 strengths and add the declared concepts."""
    lexicon = registry.lexicon
    declared = set(lexicon.concepts(profile.name))
    for tag in profile.tags:
        declared.add(tag_key(tag))
        declared |= set(lexicon.concepts(tag))
    total = profile.weight or 1.0
    strengths = {key: count / total for key, count in profile.concepts.items()}
    for key in declared:
        strengths[key] = strengths.get(key, 0.0) + DECLARED
    profile.concepts = {key: min(1.0, value) for key, value in strengths.items()}
    profile.core = frozenset(declared)


def bm25_scores(
    query: Counter,
    profiles: dict[int, TeamProfile],
    *,
    k1: float = 1.2,
    b: float = 0.75,
) -> dict[int, float]:
    """BM25 of the query words against each team profile: the database text score."""
    if not profiles or not query:
        return {}
    count = len(profiles)
    average = sum(p.length for p in profiles.values()) / count or 1.0
    document_frequency: Counter = Counter()
    for profile in profiles.values():
        document_frequency.update(word for word in query if word in profile.words)
    scores = {}
    for pk, profile in profiles.items():
        score = 0.0
        norm = k1 * (1 - b + b * profile.length / average)
        for word in query:
            frequency = profile.words.get(word, 0)
            if not frequency:
                continue
            idf = math.log(
                1
                + (count - document_frequency[word] + 0.5)
                / (document_frequency[word] + 0.5)
            )
            score += idf * frequency * (k1 + 1) / (frequency + norm)
        if score:
            scores[pk] = score
    return scores
