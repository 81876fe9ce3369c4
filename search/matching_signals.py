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

from django.db.models import Prefetch
from django.utils.html import strip_tags

from projects.models import Project, ProjectDataset, ProjectPartner
from registry.models import Evaluation, Organisation, Team

# Words too common in this registry to say anything about a match.
STOPWORDS = set(
    """
    alors aussi autre avec avoir cette ceux chez comme dans depuis donc elle elles
    entre etre leur leurs mais meme nous notre pour plus sans selon sont sous suivi
    tous tout toute toutes tres vers votre vous their this that with from into have
    donnees projet projets equipe equipes partir base basee modele modeles analyse
    outil outils etude etudes sante patients patient aide systeme approche methode
    methodes nouvelle nouveau nouveaux developpement recherche utilisation
    """.split()
)
WORD = re.compile(r"[a-z0-9]{4,}")


def text_tokens(text: str) -> list[str]:
    """Lower-case, accent-free words of 4+ letters, without stopwords, crudely
    de-pluralised so "images" meets "image"."""
    folded = unicodedata.normalize("NFKD", strip_tags(text or "").lower())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    tokens = []
    for word in WORD.findall(folded):
        if word in STOPWORDS:
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

    @property
    def length(self) -> int:
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


def _with_parents(terms) -> frozenset[int]:
    return frozenset(pk for term in terms for pk in (term.pk, term.parent_id) if pk)


def registry_load(*, project_ids: Iterable[int] | None = None) -> Registry:
    """Read the public projects and the teams; a fixed number of queries."""
    from projects.models import Domain, Technique

    projects = Project.objects.public().prefetch_related(
        "domains",
        "techniques",
        "keywords",
        Prefetch(
            "partners",
            queryset=ProjectPartner.objects.filter(team__isnull=False).only(
                "project_id", "team_id"
            ),
        ),
        Prefetch(
            "dataset_uses",
            queryset=ProjectDataset.objects.filter(
                access_status=ProjectDataset.AccessStatus.GRANTED
            ).only("project_id", "dataset_id"),
        ),
        Prefetch(
            "evaluations",
            queryset=Evaluation.objects.public().only("pk", "project_id"),
            to_attr="public_evaluations",
        ),
    )
    if project_ids is not None:
        projects = projects.filter(pk__in=list(project_ids))
    facts = {}
    for project in projects:
        domains = list(project.domains.all())
        techniques = list(project.techniques.all())
        text = " ".join(
            [
                project.title,
                project.acronym,
                project.summary,
                strip_tags(project.description),
                " ".join(tag.name for tag in project.keywords.all()),
                " ".join(term.name for term in [*domains, *techniques]),
            ]
        )
        teams = {p.team_id for p in project.partners.all()}
        if project.lead_team_id:
            teams.add(project.lead_team_id)
        facts[project.pk] = ProjectFacts(
            pk=project.pk,
            title=str(project),
            words=Counter(text_tokens(text)),
            domains=_with_parents(domains),
            techniques=_with_parents(techniques),
            granted_datasets=frozenset(
                u.dataset_id for u in project.dataset_uses.all()
            ),
            teams=frozenset(teams),
            start_date=project.start_date,
            evaluated=bool(project.public_evaluations),
        )
    teams = {
        team.pk: team for team in Team.objects.prefetch_related("parents", "expertise")
    }
    institutes = {}
    names = {}
    for team in teams.values():
        roots = set()
        for parent in team.parents.all():
            root_id = parent.parent_id or parent.pk
            roots.add(root_id)
            names.setdefault(root_id, None)
        institutes[team.pk] = frozenset(roots)
    for organisation in Organisation.objects.filter(pk__in=names):
        names[organisation.pk] = organisation.short_name
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
        domain_names={d.pk: d.name for d in Domain.objects.all()},
        technique_names={t.pk: t.name for t in Technique.objects.all()},
        calls=open_calls_load(),
    )


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
                )
            profile.words.update(facts.words)
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


def shared_words(query: Counter, profile: TeamProfile, *, limit: int = 6) -> list[str]:
    """The query's words that the team's profile uses most, for the reasons."""
    common = [word for word in query if word in profile.words]
    common.sort(key=lambda word: (-profile.words[word], word))
    return common[:limit]
