"""FROZEN COPY (before issue 12), for the benchmark only.

The facts team matching scores from, read from published projects only.

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
# The combining diacritics NFKD splits off French and English letters (é → e + ´):
# one regular expression, much faster than testing each character.
COMBINING = re.compile("[\u0300-\u036f]")


def text_tokens(text: str) -> list[str]:
    """Lower-case, accent-free words of 4+ letters, without stopwords, crudely
    de-pluralised so "images" meets "image"."""
    folded = unicodedata.normalize("NFKD", strip_tags(text or "").lower())
    folded = COMBINING.sub("", folded)
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


# Tokens of each project's text, kept across rebuilds in this process and keyed by a
# hash of the text: a rebuild after one edit tokenises one project, not all of them.
_words_cache: dict[int, tuple[int, Counter]] = {}


def _project_words(pk: int, text: str) -> Counter:
    key = hash(text)
    cached = _words_cache.get(pk)
    if cached is None or cached[0] != key:
        cached = _words_cache[pk] = (key, Counter(text_tokens(text)))
    return cached[1]


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
        text = " ".join(
            [
                title,
                acronym,
                summary,
                strip_tags(description),
                " ".join(keywords.get(pk, ())),
                " ".join(term.name for term in project_terms),
            ]
        )
        teams = set(partners.get(pk, ()))
        if lead_team:
            teams.add(lead_team)
        facts[pk] = ProjectFacts(
            pk=pk,
            title=f"{acronym} – {title}" if acronym else title,
            words=_project_words(pk, text),
            domains=_with_parents(domains[i] for i in project_domains.get(pk, ())),
            techniques=_with_parents(
                techniques[i] for i in project_techniques.get(pk, ())
            ),
            granted_datasets=frozenset(granted.get(pk, ())),
            teams=frozenset(teams),
            start_date=start,
            evaluated=pk in evaluated,
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
        domain_names={pk: d.name for pk, d in domains.items()},
        technique_names={pk: t.name for pk, t in techniques.items()},
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
