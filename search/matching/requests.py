"""A match request and what it resolves to: what the requester has, what it needs.

*Have*: a published project, a team, or a described profile (text, domains,
techniques, datasets already obtained). *Need*: a text, expertise, domains,
techniques, datasets, preferred and excluded institutes. Both sides become
concepts (search/matching/lexicon.py), so a need in English and the same need in
French resolve alike. Without a stated need, the need of a project is what it
covers that its lead team's other work does not (what its partners bring); that
of a team, its fields (mode "complementary": other methods in the same fields) or
all of it ("similar").
Terms, datasets and institutes are given by id or slug.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _

from projects.models import Domain, Project, Technique
from registry.models import Dataset, Organisation, Team
from search.matching.calls import Offer
from search.matching.facts import MatchFacts
from search.matching.lexicon import tag_key, term_key
from search.matching.profiles import TeamProfile, concept_strengths
from search.matching.signals import ProjectFacts, text_tokens

MODES = ("complementary", "similar")
MAX_SIZE = 50
MAX_ITEMS = 50
# The cross-institute signal of a team outside the lead's institutes when one of
# the consortium's other teams shares one with the lead: half, as that consortium
# did not keep away from its lead's institutes. Hide-one-partner, tuning half: the
# hidden partner is outside the lead's institutes in 91 % of consortia that cross
# (62 % of the other teams of the top 10), in 53 % of the others (57 %).
CROSS_WITHIN = 0.5


@dataclass
class MatchRequest:
    """What a researcher asks for. Lists take ids or slugs."""

    text: str = ""  # what we need, in words (or an abstract)
    domains: list = field(default_factory=list)
    techniques: list = field(default_factory=list)
    datasets: list = field(default_factory=list)
    dataset: int | str | None = None  # one dataset (older form of `datasets`)
    expertise: list[str] = field(default_factory=list)
    preferred_institutes: list = field(default_factory=list)
    excluded_institutes: list = field(default_factory=list)
    project: str = ""  # have: slug of a published project
    team: str = ""  # have: slug of a team
    have_text: str = ""  # have: a described profile
    have_domains: list = field(default_factory=list)
    have_techniques: list = field(default_factory=list)
    have_datasets: list = field(default_factory=list)
    mode: str = "complementary"
    size: int = 10


class MatchInvalid(Exception):
    """Bad input: each error is {"field", "code", "message"}."""

    def __init__(self, errors: list[dict]):
        super().__init__(errors)
        self.errors = errors


@dataclass
class MatchContext:
    """A validated request, resolved against the registry."""

    need: dict[str, float]  # concept → weight
    need_words: Counter  # words of the need, for the text score
    have: dict[str, float]  # concept → how much the requester already has it
    mode: str
    size: int
    wanted_datasets: dict[int, str]  # id → name
    requester_teams: set[int]
    preferred_institutes: set[int]
    excluded_institutes: set[int]
    need_text: str = ""  # for the engine's text score
    stated_need: bool = False
    # The teams the requester's teams worked with.
    neighbours: set[int] = field(default_factory=set)
    # The teams whose strengths are what the requester has (a project's lead, or
    # the team asked from: `_holders`), and their institutes.
    lead_teams: set[int] = field(default_factory=set)
    lead_institutes: set[int] = field(default_factory=set)
    # "crosses" if the project's other teams are all outside the lead's institutes
    # (the consortium already crosses institutes), "within" if one shares one with
    # it, "" without other teams: `_consortium`.
    consortium: str = ""
    offer: Offer = field(default_factory=lambda: Offer(*[frozenset()] * 3, Counter()))

    def cross_institute(self, institutes) -> float:
        """How much a team of these institutes crosses institutes: 1 under none of
        the lead's institutes, CROSS_WITHIN if one of the requester's other teams
        (a project's partners) shares one with the lead, else 0. Against the
        lead's institutes, not all the requester's: a team sharing an institute
        with a partner still brings another institute than the lead's."""
        if not (
            self.lead_institutes
            and institutes
            and not institutes & self.lead_institutes
        ):
            return 0.0
        return CROSS_WITHIN if self.consortium == "within" else 1.0

    # Older names, read by the experts and the reasons.
    @property
    def query(self) -> Counter:
        return self.need_words

    @property
    def needed_domains(self) -> set[int]:
        return {
            int(key[1:]) for key in self.need if key[:1] == "d" and key[1:].isdigit()
        }


def _error(name: str, code: str, message: str) -> dict:
    return {"field": name, "code": code, "message": message}


def match_request_check(*, request: MatchRequest) -> None:
    """Raise MatchInvalid with every problem of the request's shape."""
    errors = []
    limit = settings.MATCHING_TEXT_MAX_WORDS
    for name in ("text", "have_text"):
        value = getattr(request, name) or ""
        if len(value) > limit * 15 or len(value.split()) > limit:
            errors.append(
                _error(
                    name,
                    "too_long",
                    _("Le texte dépasse %(limit)s mots.") % {"limit": limit},
                )
            )
    stated = (
        (request.text or "").strip()
        or request.domains
        or request.techniques
        or request.expertise
    )
    if not (stated or request.project or request.team):
        errors.append(
            _error(
                "text",
                "required",
                _("Décrivez votre besoin, ou partez d’un projet ou d’une équipe."),
            )
        )
    if request.mode not in MODES:
        errors.append(_error("mode", "invalid", _("Mode inconnu.")))
    if not 1 <= request.size <= MAX_SIZE:
        errors.append(
            _error(
                "size",
                "invalid",
                _("Entre 1 et %(max)s résultats.") % {"max": MAX_SIZE},
            )
        )
    if errors:
        raise MatchInvalid(errors)


def resolve(queryset, values, name: str, errors: list[dict]) -> list:
    """The objects named by ids or slugs; an error lists the unknown ones."""
    values = [str(value).strip() for value in values or () if str(value).strip()]
    if not values:
        return []
    if len(values) > MAX_ITEMS:
        errors.append(_error(name, "too_many", _("Trop de valeurs.")))
        return []
    ids = {int(v) for v in values if v.isdecimal() and len(v) < 10}
    slugs = {v[:120] for v in values if not (v.isdecimal() and len(v) < 10)}
    found = list(queryset.filter(pk__in=ids)) + list(queryset.filter(slug__in=slugs))
    known = {str(obj.pk) for obj in found} | {obj.slug for obj in found}
    unknown = [v for v in values if v not in known and v.lstrip("0") not in known]
    if unknown:
        errors.append(
            _error(
                name,
                "not_found",
                _("Valeurs inconnues : %(values)s.")
                % {"values": ", ".join(unknown[:10])},
            )
        )
    return found


def _raise_up(target: dict[str, float], key: str, value: float) -> None:
    target[key] = max(target.get(key, 0.0), value)


def _team_strengths(
    profile: TeamProfile, *, without: ProjectFacts | None = None
) -> dict[str, float]:
    """What a team has, from its declared expertise and its public projects but
    `without` (the project a request starts from)."""
    counts = dict(profile.concept_counts)
    total = profile.weight
    if without is not None and profile.pk in without.teams:
        # Halves and wholes: the subtraction is exact.
        share = 1.0 if without.lead_team == profile.pk else 0.5
        total -= share
        for key in without.concepts:
            counts[key] = counts.get(key, 0.0) - share
            if counts[key] <= 0:
                del counts[key]
    return concept_strengths(counts, total, profile.have_core)


def _term_ids(kind: str, have: dict[str, float], offered: set[str]) -> frozenset:
    keys = {k for k, v in have.items() if v >= 0.3} | offered
    return frozenset(
        int(key[1:]) for key in keys if key[:1] == kind and key[1:].isdigit()
    )


def _holders(
    profiles: dict[int, TeamProfile],
    *,
    project_facts: ProjectFacts | None,
    team: Team | None,
) -> set[int]:
    """The requester's teams whose strengths are what it *has*. From a project: its
    lead team (and a named team), not its partners: what a partner brings is what
    the project needs, so it stays in the need, and a team like a partner is not
    redundant (consortia take several teams of a domain)."""
    if project_facts is None or project_facts.lead_team not in profiles:
        return set(profiles)
    return {project_facts.lead_team} | ({team.pk} if team is not None else set())


def _consortium(
    profiles: dict[int, TeamProfile], holders: set[int], institutes: set[int]
) -> str:
    """ "within" if one of the requester's other teams (a project's partners) shares
    an institute with its lead, "crosses" if none does, "" without other teams
    (or institutes to compare)."""
    others = [
        p.institutes for pk, p in profiles.items() if pk not in holders and p.institutes
    ]
    if not (institutes and others):
        return ""
    return "within" if any(found & institutes for found in others) else "crosses"


def match_context(*, request: MatchRequest, facts: MatchFacts) -> MatchContext:
    """Validate the request, resolve its ids and slugs; MatchInvalid otherwise."""
    match_request_check(request=request)
    errors: list[dict] = []
    lexicon = facts.lexicon
    need: dict[str, float] = {}
    have: dict[str, float] = {}
    for key in lexicon.concepts(request.text or ""):
        need[key] = 1.0
    for phrase in request.expertise or ():
        for key in {tag_key(str(phrase)), *lexicon.concepts(str(phrase))}:
            need[key] = 1.0
    for kind, model, values, name in (
        ("d", Domain, request.domains, "domains"),
        ("t", Technique, request.techniques, "techniques"),
    ):
        for term in resolve(model.objects.all(), values, name, errors):
            need[term_key(kind, term.pk)] = 1.0
    for kind, model, values, name in (
        ("d", Domain, request.have_domains, "have_domains"),
        ("t", Technique, request.have_techniques, "have_techniques"),
    ):
        for term in resolve(model.objects.all(), values, name, errors):
            have[term_key(kind, term.pk)] = 1.0
    for key in lexicon.concepts(request.have_text or ""):
        have[key] = 1.0
    stated_need = bool(need or (request.text or "").strip())
    need_words: Counter = Counter(text_tokens(request.text or ""))
    found = resolve(Dataset.objects.all(), request.datasets, "datasets", errors)
    if request.dataset not in (None, ""):
        found += resolve(Dataset.objects.all(), [request.dataset], "dataset", errors)
    wanted = {d.pk: d.short_name for d in found}
    owned = {
        d.pk
        for d in resolve(
            Dataset.objects.all(), request.have_datasets, "have_datasets", errors
        )
    }
    institutes = Organisation.objects.institutes()
    preferred = resolve(
        institutes, request.preferred_institutes, "preferred_institutes", errors
    )
    excluded = resolve(
        institutes, request.excluded_institutes, "excluded_institutes", errors
    )
    requester: set[int] = set()
    project_facts = None
    offered: set[str] = set()  # the project's own terms: what it brings to a call
    if request.project:
        project = (
            Project.objects.public()
            .filter(slug=str(request.project)[:80])
            .prefetch_related("dataset_uses__dataset")
            .first()
        )
        if project is None:
            errors.append(_error("project", "not_found", _("Projet publié inconnu.")))
        else:
            project_facts = facts.project(project.pk)
            if project_facts:
                requester |= set(project_facts.teams)
                owned |= project_facts.granted_datasets
                offered |= {k for k in project_facts.concepts if k[:1] in "dt"}
                if not stated_need:
                    need_words.update(project_facts.words)
            if not request.datasets and request.dataset in (None, ""):
                for use in project.dataset_uses.all():
                    if use.dataset_id not in owned:
                        wanted[use.dataset_id] = use.dataset.short_name
    team = None
    if request.team:
        team = Team.objects.filter(slug=str(request.team)[:80]).first()
        if team is None:
            errors.append(_error("team", "not_found", _("Équipe inconnue.")))
        else:
            requester.add(team.pk)
    if errors:
        raise MatchInvalid(errors)
    profiles = facts.requester_profiles(requester)
    holders = _holders(profiles, project_facts=project_facts, team=team)
    for profile in profiles.values():
        if profile.pk in holders:
            for key, value in _team_strengths(profile, without=project_facts).items():
                _raise_up(have, key, value)
        # The datasets its public projects were granted (the project's own too).
        owned |= profile.granted_datasets
    if not stated_need and project_facts is not None:
        # A project's need: what it covers that its lead does not already have.
        for key in sorted(project_facts.concepts):
            need[key] = max(0.15, 1.0 - have.get(key, 0.0))
    elif not stated_need and team is not None and team.pk in profiles:
        own = _team_strengths(profiles[team.pk])
        if request.mode == "similar":
            need = dict(own)
        else:
            need = {k: v for k, v in own.items() if k[:1] == "d"}
            have = {k: v for k, v in have.items() if k[:1] != "d"}
        need_words.update(profiles[team.pk].own_words)
    if request.mode == "similar":
        have = {}
    lead_institutes = set().union(
        *(profiles[pk].institutes for pk in holders if pk in profiles)
    )
    return MatchContext(
        need=need,
        need_words=need_words,
        have=have,
        mode=request.mode,
        size=request.size,
        wanted_datasets=wanted,
        requester_teams=requester,
        preferred_institutes={o.pk for o in preferred},
        excluded_institutes={o.pk for o in excluded},
        need_text=(request.text or "")[:20000],
        stated_need=stated_need,
        neighbours=set().union(*(p.collaborators for p in profiles.values())),
        lead_teams=holders & set(profiles),
        lead_institutes=lead_institutes,
        consortium=_consortium(profiles, holders, lead_institutes),
        offer=Offer(
            domains=_term_ids("d", have, offered),
            techniques=_term_ids("t", have, offered),
            datasets=frozenset(owned),
            words=need_words,
        ),
    )
