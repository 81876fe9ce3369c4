"""Team profiles: a team's public projects summed, and the text score over them.

One builder for the in-memory profiles of the benchmarks (`team_profiles`, which
may hide project–team links) and for the rows of the matching tables
(search/matching/store.py): both start a profile from the team's own facts, add
each public project, then finish it (`profile_finish`).
"""

import datetime
import math
from collections import Counter
from dataclasses import dataclass, field

from search.matching.lexicon import Lexicon, tag_key
from search.matching.signals import CallFacts, ProjectFacts, Registry, TeamFacts

# What a declared expertise tag (or a concept in the team's name) adds to the share
# of the team's projects that name the concept.
DECLARED = 0.6


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
    # Its projects' concepts, each project counting its share (what `concepts`
    # is made from): what the team has without one project is a subtraction.
    concept_counts: dict[str, float] = field(default_factory=dict)
    own_words: Counter = field(default_factory=Counter)
    # Declared concepts of its name without the acronym, and of its tags: what a
    # requester team has (search/matching/requests.py).
    have_core: frozenset[str] = frozenset()
    length: int = 0  # its number of words, set by profile_finish


def profile_start(team: TeamFacts) -> TeamProfile:
    return TeamProfile(
        pk=team.pk,
        name=team.name,
        slug=team.slug,
        institutes=team.institutes,
        institute_names=team.institute_names,
        words=Counter(team.words),
        tags=team.tags,
        own_words=Counter(team.words),
    )


def profile_add(profile: TeamProfile, facts: ProjectFacts, teams: set[int]) -> None:
    """Add one public project of the team (`teams`: its visible teams)."""
    profile.words.update(facts.words)
    # Lead of a project: all of it is the team's; partner: half of it.
    share = 1.0 if facts.lead_team == profile.pk else 0.5
    for key in facts.concepts:
        profile.concept_counts[key] = profile.concept_counts.get(key, 0.0) + share
    profile.weight += share
    profile.domains |= facts.domains
    profile.techniques |= facts.techniques
    profile.granted_datasets |= facts.granted_datasets
    profile.collaborators |= teams - {profile.pk}
    profile.projects.add(facts.pk)
    if facts.evaluated:
        profile.evaluated_projects.add(facts.pk)
    if facts.start_date and (
        profile.latest_start is None or facts.start_date > profile.latest_start
    ):
        profile.latest_start = facts.start_date


def declared_concepts(name: str, tags, lexicon: Lexicon) -> set[str]:
    """The concepts a team declares: in its name and its expertise tags."""
    declared = set(lexicon.concepts(name))
    for tag in tags:
        declared |= {tag_key(tag), *lexicon.concepts(tag)}
    return declared


def concept_strengths(
    counts: dict[str, float], total: float, declared
) -> dict[str, float]:
    """0–1 strengths: the share of the projects naming a concept, plus DECLARED
    for a declared one."""
    strengths = {key: count / total for key, count in counts.items()} if total else {}
    for key in declared:
        strengths[key] = strengths.get(key, 0.0) + DECLARED
    # In key order: a need built from it is summed in the same order whichever
    # path (tables or memory) built it, to the last bit.
    return {key: min(1.0, strengths[key]) for key in sorted(strengths)}


def profile_finish(
    profile: TeamProfile, lexicon: Lexicon, *, bare_name: str | None = None
) -> None:
    """Turn the project counts into strengths and add the declared concepts."""
    declared = declared_concepts(profile.name, profile.tags, lexicon)
    profile.concepts = concept_strengths(
        profile.concept_counts, profile.weight or 1.0, declared
    )
    profile.core = frozenset(declared)
    profile.have_core = frozenset(
        declared_concepts(bare_name or profile.name, profile.tags, lexicon)
    )
    profile.length = sum(profile.words.values())


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
                profile = profiles[pk] = profile_start(team)
            profile_add(profile, facts, teams)
    for profile in profiles.values():
        profile_finish(
            profile, registry.lexicon, bare_name=registry.teams[profile.pk].bare_name
        )
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


@dataclass
class Corpus:
    """What the scores need of all the profiles, beyond the candidates': their
    number and mean length, and for the keys of one request each word's document
    frequency and each concept's summed strength (its rarity)."""

    teams: int
    average_length: float
    document_frequency: Counter
    concept_mass: dict[str, float]


def corpus_of(profiles: dict[int, TeamProfile], *, words, concepts) -> Corpus:
    """The corpus of in-memory profiles, for these words and concepts."""
    count = len(profiles)
    frequency: Counter = Counter()
    for profile in profiles.values():
        frequency.update(word for word in words if word in profile.words)
    return Corpus(
        teams=count,
        average_length=(
            sum(p.length for p in profiles.values()) / count if count else 0.0
        ),
        document_frequency=frequency,
        concept_mass={
            key: sum(p.concepts.get(key, 0.0) for p in profiles.values())
            for key in concepts
        },
    )


def concept_rarity(keys, corpus: Corpus) -> dict[str, float]:
    """An idf per concept over the teams: a concept every team has says little."""
    count = corpus.teams or 1
    return {
        key: math.log(1 + count / (0.5 + corpus.concept_mass.get(key, 0.0)))
        for key in keys
    }


def bm25_scores(
    query: Counter,
    profiles: dict[int, TeamProfile],
    corpus: Corpus | None = None,
    *,
    k1: float = 1.2,
    b: float = 0.75,
) -> dict[int, float]:
    """BM25 of the query words against each team profile: the database text score.
    `profiles` may be the candidates only, if `corpus` speaks for all."""
    if not profiles or not query:
        return {}
    corpus = corpus or corpus_of(profiles, words=query, concepts=())
    count = corpus.teams
    average = corpus.average_length or 1.0
    document_frequency = corpus.document_frequency
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
