"""What matching reads, behind one interface: from the matching tables for a request
(`TableFacts`, search/matching/store.py), or from an in-memory registry for the
benchmarks, which hide links (`RegistryFacts`). Scoring (search/matching/match.py)
and the reasons see the same values either way."""

from collections import Counter
from typing import TYPE_CHECKING

from search.matching.lexicon import Lexicon
from search.matching.profiles import (
    Corpus,
    TeamProfile,
    corpus_of,
    profile_finish,
    profile_start,
)
from search.matching.signals import ProjectFacts, Registry

if TYPE_CHECKING:
    from search.matching.requests import MatchContext

# A project's whole text is a long query: its most frequent words say enough (as
# more_like_this's max_query_terms), at a fraction of the cost.
QUERY_WORDS = 60


def query_words(context: "MatchContext") -> Counter:
    return Counter(dict(context.need_words.most_common(QUERY_WORDS)))


class MatchFacts:
    """The facts of one match request."""

    lexicon: Lexicon
    domain_names: dict[int, str]
    technique_names: dict[int, str]

    def project(self, pk: int) -> ProjectFacts | None:
        """A public project's facts, None if it is not public."""
        raise NotImplementedError

    def requester_profiles(self, team_pks) -> dict[int, TeamProfile]:
        """The requester's teams, also those without a public project (their own
        facts only); unknown ids are left out."""
        raise NotImplementedError

    def candidates(
        self, context: "MatchContext", *, extra=()
    ) -> tuple[dict[int, TeamProfile], Corpus]:
        """The profiles of every team that may score (it shares a concept or a word
        with the need, was granted a wanted dataset, has an open call, or is in
        `extra`), with at least the need's concepts and words, and the corpus."""
        raise NotImplementedError

    def team_refs(self, pks) -> dict[int, tuple[str, str]]:
        """(name, slug) of teams."""
        raise NotImplementedError

    def project_titles(self, pks) -> dict[int, str]:
        raise NotImplementedError


class RegistryFacts(MatchFacts):
    """Facts from a registry and profiles held in memory (the benchmarks)."""

    def __init__(self, registry: Registry, profiles: dict[int, TeamProfile]):
        self.registry = registry
        self.profiles = profiles
        self.lexicon = registry.lexicon
        self.domain_names = registry.domain_names
        self.technique_names = registry.technique_names

    def project(self, pk):
        return self.registry.projects.get(pk)

    def requester_profiles(self, team_pks):
        found = {}
        for pk in team_pks:
            if pk in self.profiles:
                found[pk] = self.profiles[pk]
            elif pk in self.registry.teams:
                team = self.registry.teams[pk]
                found[pk] = profile_start(team)
                profile_finish(found[pk], self.lexicon, bare_name=team.bare_name)
        return found

    def candidates(self, context, *, extra=()):
        return self.profiles, corpus_of(
            self.profiles, words=query_words(context), concepts=context.need
        )

    def team_refs(self, pks):
        teams = self.registry.teams
        return {pk: (teams[pk].name, teams[pk].slug) for pk in pks if pk in teams}

    def project_titles(self, pks):
        projects = self.registry.projects
        return {pk: projects[pk].title for pk in pks if pk in projects}
