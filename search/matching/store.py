"""The matching tables (search/matching/models.py): kept up to date, and read.

Writes: `matching_tables_rebuild` fills them from the registry (the management
command of that name, and `seed_demo`); `matching_refresh` recomputes the rows of
a few projects and of the teams they touch, from the projects' rows (a team is the
sum of its projects). Reads: `TableFacts` gives a request the rows it needs, in a
fixed number of queries whatever the registry's size: the profiles of the teams
sharing a key with the need, and the corpus figures the scores take.
"""

from collections import Counter
from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.db.models import Avg, Count, Max, Q

from portal.core.data_version import generation_bump
from projects.models import Project
from registry.models import Team, TeamExpertise
from search.matching.facts import MatchFacts, query_words
from search.matching.lexicon import Lexicon
from search.matching.models import MatchingProject, MatchingTeam, MatchingTeamTerm
from search.matching.profiles import (
    Corpus,
    TeamProfile,
    profile_add,
    profile_finish,
    profile_start,
)
from search.matching.signals import (
    ProjectFacts,
    lexicon_load,
    open_calls_load,
    project_facts_load,
    taxonomy_load,
    team_facts_load,
)

BATCH = 2000
KEY_LENGTH = 120  # MatchingTeamTerm.key

# --- the lexicon: taxonomy-sized, built once per process and version ------------

_lexicon: dict = {}


def lexicon_current() -> tuple[Lexicon, dict[int, str], dict[int, str]]:
    """The lexicon and the term names, rebuilt when a term or a team tag changes."""
    global _lexicon
    domains, techniques = taxonomy_load()
    tags = TeamExpertise.objects.aggregate(
        count=Count("pk"), last=Max("pk"), tag=Max("tag_id")
    )
    version = (
        tuple((d.pk, d.name, d.name_en, d.parent_id) for d in domains.values()),
        tuple((t.pk, t.name, t.name_en, t.parent_id) for t in techniques.values()),
        tuple(sorted(tags.items())),
    )
    if _lexicon.get("version") != version:
        names = TeamExpertise.objects.values_list("tag__name", flat=True).distinct()
        _lexicon = {
            "version": version,
            "value": (
                lexicon_load(domains=domains, techniques=techniques, tags=names),
                {pk: d.name for pk, d in domains.items()},
                {pk: t.name for pk, t in techniques.items()},
            ),
        }
    return _lexicon["value"]


# --- rows ↔ facts ------------------------------------------------------------------


def _project_row(facts: ProjectFacts) -> MatchingProject:
    return MatchingProject(
        project_id=facts.pk,
        title=facts.title,
        words=list(facts.words.items()),
        concepts=sorted(facts.concepts),
        domains=sorted(facts.domains),
        techniques=sorted(facts.techniques),
        granted_datasets=sorted(facts.granted_datasets),
        teams=sorted(facts.teams),
        lead_team=facts.lead_team,
        start_date=facts.start_date,
        evaluated=facts.evaluated,
    )


def _project_facts(row: MatchingProject) -> ProjectFacts:
    return ProjectFacts(
        pk=row.project_id,
        title=row.title,
        words=Counter(dict(row.words)),
        domains=frozenset(row.domains),
        techniques=frozenset(row.techniques),
        granted_datasets=frozenset(row.granted_datasets),
        teams=frozenset(row.teams),
        start_date=row.start_date,
        evaluated=row.evaluated,
        concepts=frozenset(row.concepts),
        lead_team=row.lead_team,
    )


def _team_rows(profile: TeamProfile) -> tuple[MatchingTeam, list[MatchingTeamTerm]]:
    team = MatchingTeam(
        team_id=profile.pk,
        name=profile.name[:300],
        slug=profile.slug,
        institutes=sorted(profile.institutes),
        institute_names=list(profile.institute_names),
        tags=list(profile.tags),
        own_words=list(profile.own_words.items()),
        core=sorted(profile.core),
        have_core=sorted(profile.have_core),
        concept_counts=profile.concept_counts,
        weight=profile.weight,
        length=profile.length,
        granted_datasets=sorted(profile.granted_datasets),
        collaborators=sorted(profile.collaborators),
        evaluated_projects=sorted(profile.evaluated_projects),
        latest_start=profile.latest_start,
    )
    terms: dict[str, float] = {}
    for word, frequency in profile.words.items():
        key = f"w:{word}"[:KEY_LENGTH]
        terms[key] = terms.get(key, 0) + frequency
    for key, strength in profile.concepts.items():
        terms[f"c:{key}"[:KEY_LENGTH]] = strength
    for pk in profile.granted_datasets:
        terms[f"g:{pk}"] = 1.0
    return team, [
        MatchingTeamTerm(team_id=profile.pk, key=key, value=value)
        for key, value in terms.items()
    ]


def _profile(row: MatchingTeam) -> TeamProfile:
    """A requester team's profile from its row (a candidate's: _candidate_profile)."""
    return TeamProfile(
        pk=row.team_id,
        name=row.name,
        slug=row.slug,
        institutes=frozenset(row.institutes),
        institute_names=tuple(row.institute_names),
        granted_datasets=set(row.granted_datasets),
        collaborators=set(row.collaborators),
        evaluated_projects=set(row.evaluated_projects),
        latest_start=row.latest_start,
        core=frozenset(row.core),
        have_core=frozenset(row.have_core),
        tags=tuple(row.tags),
        weight=row.weight,
        length=row.length,
        concept_counts=row.concept_counts,
        own_words=Counter(dict(row.own_words)),
    )


# A candidate's row without what only a requester needs: plain values, no model
# instances (300 teams at national scale).
CANDIDATE_FIELDS = (
    "team_id",
    "name",
    "slug",
    "institutes",
    "institute_names",
    "tags",
    "core",
    "length",
    "granted_datasets",
    "collaborators",
    "evaluated_projects",
    "latest_start",
)


def _candidate_profile(row: tuple) -> TeamProfile:
    pk, name, slug, institutes, names, tags, core, length, *rest = row
    granted, collaborators, evaluated, latest_start = rest
    return TeamProfile(
        pk=pk,
        name=name,
        slug=slug,
        institutes=frozenset(institutes),
        institute_names=tuple(names),
        tags=tuple(tags),
        core=frozenset(core),
        length=length,
        granted_datasets=set(granted),
        collaborators=set(collaborators),
        evaluated_projects=set(evaluated),
        latest_start=latest_start,
    )


def _teams_write(profiles: Iterable[TeamProfile]) -> None:
    teams, terms = [], []
    for profile in profiles:
        team, rows = _team_rows(profile)
        teams.append(team)
        terms += rows
    MatchingTeam.objects.bulk_create(teams, batch_size=BATCH)
    MatchingTeamTerm.objects.bulk_create(terms, batch_size=BATCH * 5)
    generation_bump(MatchingTeam)  # the cached matches (search/matching/cache.py)


# --- writes ------------------------------------------------------------------------


@transaction.atomic
def matching_tables_rebuild() -> dict[str, int]:
    """Every row again, from the registry; readers see the old rows until commit."""
    from search.matching.models import MatchingDirty

    lexicon, _domain_names, _technique_names = lexicon_current()
    domains, techniques = taxonomy_load()
    last_dirty = MatchingDirty.objects.aggregate(last=Max("pk"))["last"] or 0
    MatchingProject.objects.all().delete()
    MatchingTeam.objects.all().delete()
    MatchingTeamTerm.objects.all().delete()
    teams = team_facts_load(Team.objects.all())
    profiles: dict[int, TeamProfile] = {}
    public_ids = list(
        Project.objects.public().order_by("pk").values_list("pk", flat=True)
    )
    for start in range(0, len(public_ids), BATCH):
        batch = project_facts_load(
            Project.objects.public().filter(pk__in=public_ids[start : start + BATCH]),
            domains=domains,
            techniques=techniques,
            lexicon=lexicon,
        )
        MatchingProject.objects.bulk_create(
            [_project_row(facts) for facts in batch.values()], batch_size=BATCH
        )
        for facts in batch.values():
            _profiles_add(profiles, facts, teams)
    for pk, profile in profiles.items():
        profile_finish(profile, lexicon, bare_name=teams[pk].bare_name)
    _teams_write(profiles.values())
    MatchingDirty.objects.filter(pk__lte=last_dirty).delete()
    return {"projects": len(public_ids), "teams": len(profiles)}


def _profiles_add(profiles: dict, facts: ProjectFacts, teams: dict, only=None) -> None:
    for pk in facts.teams:
        if pk not in teams or (only is not None and pk not in only):
            continue
        if pk not in profiles:
            profiles[pk] = profile_start(teams[pk])
        profile_add(profiles[pk], facts, set(facts.teams))


@transaction.atomic
def matching_refresh(*, project_ids: Iterable[int] = (), team_ids: Iterable[int] = ()):
    """The rows of these projects (none if no longer public) and of every team they
    touch, before or after the change, and of these teams."""
    project_ids, team_ids = set(project_ids), set(team_ids)
    lexicon, _domain_names, _technique_names = lexicon_current()
    if project_ids:
        old = MatchingProject.objects.filter(project_id__in=project_ids)
        for teams in old.values_list("teams", flat=True):
            team_ids |= set(teams)
        domains, techniques = taxonomy_load()
        facts = project_facts_load(
            Project.objects.public().filter(pk__in=project_ids),
            domains=domains,
            techniques=techniques,
            lexicon=lexicon,
        )
        old.delete()
        MatchingProject.objects.bulk_create([_project_row(f) for f in facts.values()])
        for one in facts.values():
            team_ids |= one.teams
    if not team_ids:
        return
    teams = team_facts_load(Team.objects.filter(pk__in=team_ids))
    # A team's projects, by the registry's links; its rows say whether it still
    # counts (a project without a row is not public).
    linked = (
        Project.objects.filter(
            Q(lead_team__in=team_ids) | Q(partners__team__in=team_ids)
        )
        .values("pk")
        .distinct()
    )
    profiles: dict[int, TeamProfile] = {}
    for row in MatchingProject.objects.filter(project_id__in=linked).order_by("pk"):
        _profiles_add(profiles, _project_facts(row), teams, only=team_ids)
    for pk, profile in profiles.items():
        profile_finish(profile, lexicon, bare_name=teams[pk].bare_name)
    MatchingTeam.objects.filter(team_id__in=team_ids).delete()
    MatchingTeamTerm.objects.filter(team_id__in=team_ids).delete()
    _teams_write(profiles.values())


# --- reads -------------------------------------------------------------------------


class TableFacts(MatchFacts):
    """The facts of one request, read from the tables: only the rows it needs."""

    def __init__(self):
        from search.matching.refresh import matching_pending_apply

        if settings.MATCHING_REQUEST_APPLIES_MARKS:
            matching_pending_apply()  # no worker: a few changes not yet applied
        self.lexicon, self.domain_names, self.technique_names = lexicon_current()
        self._refs: dict[int, tuple[str, str]] = {}
        self._titles: dict[int, str] = {}

    def project(self, pk):
        row = MatchingProject.objects.filter(project_id=pk).first()
        return _project_facts(row) if row else None

    def requester_profiles(self, team_pks):
        team_pks = set(team_pks)
        found = {
            row.team_id: _profile(row)
            for row in MatchingTeam.objects.filter(team_id__in=team_pks)
        }
        missing = team_pks - set(found)
        if missing:  # teams without a public project: their own facts only
            for pk, team in team_facts_load(
                Team.objects.filter(pk__in=missing)
            ).items():
                found[pk] = profile_start(team)
                profile_finish(found[pk], self.lexicon, bare_name=team.bare_name)
        return found

    def candidates(self, context, *, extra=()):
        words = query_words(context)
        keys = (
            [f"w:{word}"[:KEY_LENGTH] for word in words]
            + [f"c:{key}"[:KEY_LENGTH] for key in context.need]
            + [f"g:{pk}" for pk in context.wanted_datasets]
        )
        terms = list(
            MatchingTeamTerm.objects.filter(key__in=keys).values_list(
                "team_id", "key", "value"
            )
        )
        calls = open_calls_load()
        call_teams = dict(
            MatchingProject.objects.filter(
                project_id__in={c.project for c in calls if c.team is None}
            ).values_list("project_id", "teams")
        )
        owners = {
            call.pk: {call.team}
            if call.team is not None
            else set(call_teams.get(call.project, ()))
            for call in calls
        }
        wanted = {pk for pk, _key, _value in terms}
        wanted |= set().union(*owners.values()) | set(extra)
        profiles = {
            row[0]: _candidate_profile(row)
            for row in MatchingTeam.objects.filter(team_id__in=wanted).values_list(
                *CANDIDATE_FIELDS
            )
        }
        frequency: Counter = Counter()
        mass: dict[str, float] = {}
        for pk, key, value in terms:
            kind, name = key[:2], key[2:]
            profile = profiles.get(pk)
            if kind == "w:":
                frequency[name] += 1
                if profile is not None:
                    profile.words[name] = int(value)
            elif kind == "c:":
                mass[name] = mass.get(name, 0.0) + value
                if profile is not None:
                    profile.concepts[name] = value
        for call in calls:
            for pk in owners[call.pk]:
                if pk in profiles:
                    profiles[pk].open_calls.append(call)
        stats = MatchingTeam.objects.aggregate(count=Count("pk"), length=Avg("length"))
        return profiles, Corpus(
            teams=stats["count"],
            average_length=stats["length"] or 0.0,
            document_frequency=frequency,
            concept_mass=mass,
        )

    def team_refs(self, pks):
        missing = set(pks) - set(self._refs)
        if missing:
            for pk, name, slug in MatchingTeam.objects.filter(
                team_id__in=missing
            ).values_list("team_id", "name", "slug"):
                self._refs[pk] = (name, slug)
            for team in Team.objects.filter(pk__in=missing - set(self._refs)):
                self._refs[team.pk] = (str(team), team.slug)
        return {pk: self._refs[pk] for pk in pks if pk in self._refs}

    def project_titles(self, pks):
        missing = set(pks) - set(self._titles)
        if missing:
            self._titles.update(
                MatchingProject.objects.filter(project_id__in=missing).values_list(
                    "project_id", "title"
                )
            )
        return {pk: self._titles[pk] for pk in pks if pk in self._titles}
