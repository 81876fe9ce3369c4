"""FROZEN COPY of the matcher before issue 12 (scoring only, no reasons, no
engine), kept for the benchmark's comparison; never imported by the portal.

Team matching: which teams would complement a project, a team or a stated need,
and why.

`team_match_list` scores every team that has a public project on weighted signals
(weights in `settings.MATCHING_WEIGHTS`): text relevance, coverage of the required
expertise, complementarity, dataset experience (access granted), network proximity,
recency, and bonuses for a cross-institute pair or a preferred institute; it then
re-ranks for institute diversity. Each match carries its reasons as data and as
French sentences. Only published projects inform the signals; the requester's own
teams never appear.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _

from bench.previous.calls import CallFit, Offer, best_call_fits
from bench.previous.signals import (
    Registry,
    TeamProfile,
    bm25_scores,
    text_tokens,
)
from projects.models import Domain, Project, Technique
from registry.models import Dataset, Team

MODES = ("complementary", "similar")
# The weights of settings.MATCHING_WEIGHTS before issue 12.
PREVIOUS_WEIGHTS = {
    "text": 1.5,
    "coverage": 2.0,
    "complementarity": 1.0,
    "dataset": 1.5,
    "network": 1.0,
    "recency": 0.5,
    "cross_institute": 0.3,
    "preferred_institute": 1.0,
    "open_call": 1.5,
    "evaluation": 0.3,
}
MAX_SIZE = 50


@dataclass
class MatchRequest:
    """What a researcher asks for: a text and/or a project or team to start from."""

    text: str = ""
    domains: list[int] = field(default_factory=list)
    techniques: list[int] = field(default_factory=list)
    dataset: int | str | None = None  # id or slug
    preferred_institutes: list[int] = field(default_factory=list)
    excluded_institutes: list[int] = field(default_factory=list)
    project: str = ""  # slug of a published project
    team: str = ""  # slug of a team
    mode: str = "complementary"
    size: int = 10


@dataclass
class TeamMatch:
    pk: int
    slug: str
    name: str
    url: str
    institutes: list[str]
    score: float  # 0–1
    signals: dict[str, float]

    @property
    def score_percent(self) -> int:
        return round(self.score * 100)


class MatchInvalid(Exception):
    """Bad input: each error is {"field", "code", "message"}."""

    def __init__(self, errors: list[dict]):
        super().__init__(errors)
        self.errors = errors


@dataclass
class MatchContext:
    """A validated request, resolved against the registry."""

    query: Counter  # normalised words (search/matching_signals.text_tokens)
    mode: str
    size: int
    needed_domains: set[int]
    needed_techniques: set[int]
    wanted_datasets: dict[int, str]  # id → name
    requester_teams: set[int]
    capabilities_domains: set[int]
    capabilities_techniques: set[int]
    preferred_institutes: set[int]
    excluded_institutes: set[int]
    es_like: list = field(default_factory=list)  # what more_like_this compares
    offer: Offer = field(default_factory=lambda: Offer(*[frozenset()] * 3, Counter()))


# --- input ----------------------------------------------------------------------


def _error(name: str, code: str, message: str) -> dict:
    return {"field": name, "code": code, "message": message}


def match_request_check(*, request: MatchRequest) -> None:
    """Raise MatchInvalid with every problem of the request's shape."""
    errors = []
    limit = settings.MATCHING_TEXT_MAX_WORDS
    if len(request.text) > limit * 15 or len(request.text.split()) > limit:
        errors.append(
            _error(
                "text",
                "too_long",
                _("Le texte dépasse %(limit)s mots.") % {"limit": limit},
            )
        )
    if not (request.text.strip() or request.project or request.team):
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


def _dataset(value) -> Dataset | None:
    value = str(value).strip()
    if value.isdecimal() and len(value) < 10:
        found = Dataset.objects.filter(pk=int(value)).first()
    else:
        found = Dataset.objects.filter(slug=value[:80]).first()
    return found


def _terms(model, ids, name: str, errors: list[dict]) -> set[int]:
    """The requested taxonomy terms and their children; unknown ids are an error."""
    ids = {int(pk) for pk in ids}
    found = set(model.objects.filter(pk__in=ids).values_list("pk", flat=True))
    if ids - found:
        errors.append(
            _error(
                name,
                "not_found",
                _("Identifiants inconnus : %(ids)s.")
                % {"ids": ", ".join(str(pk) for pk in sorted(ids - found)[:10])},
            )
        )
    return model.with_descendant_ids(found)


def match_context(*, request: MatchRequest, registry: Registry) -> MatchContext:
    """Validate the request and resolve its slugs and ids; MatchInvalid otherwise."""
    match_request_check(request=request)
    errors = []
    query: Counter = Counter(text_tokens(request.text))
    needed_domains = _terms(Domain, request.domains, "domains", errors)
    needed_techniques = _terms(Technique, request.techniques, "techniques", errors)
    explicit_needs = bool(needed_domains or needed_techniques)
    wanted: dict[int, str] = {}
    if request.dataset not in (None, ""):
        dataset = _dataset(request.dataset)
        if dataset is None:
            errors.append(_error("dataset", "not_found", _("Jeu de données inconnu.")))
        else:
            wanted[dataset.pk] = dataset.short_name
    requester: set[int] = set()
    es_like: list = []
    project_pk = None
    offered_domains: set[int] = set()
    offered_techniques: set[int] = set()
    offered_datasets: set[int] = set()
    if request.project:
        project = (
            Project.objects.public()
            .filter(slug=str(request.project)[:80])
            .prefetch_related("dataset_uses__dataset", "partners")
            .first()
        )
        if project is None:
            errors.append(_error("project", "not_found", _("Projet publié inconnu.")))
        else:
            project_pk = project.pk
            facts = registry.projects.get(project.pk)
            if facts:
                query.update(facts.words)
                if not explicit_needs:
                    needed_domains |= facts.domains
                    needed_techniques |= facts.techniques
                requester |= set(facts.teams)
                offered_domains |= facts.domains
                offered_techniques |= facts.techniques
                offered_datasets |= facts.granted_datasets
            for use in project.dataset_uses.all():
                wanted[use.dataset_id] = use.dataset.short_name
            es_like.append(f"{project.title} {project.summary}")
    team = None
    if request.team:
        team = Team.objects.filter(slug=str(request.team)[:80]).first()
        if team is None:
            errors.append(_error("team", "not_found", _("Équipe inconnue.")))
        else:
            requester.add(team.pk)
            pass
    if errors:
        raise MatchInvalid(errors)
    # What the requester's teams already know, from their other public projects.
    own_domains: set[int] = set()
    own_techniques: set[int] = set()
    for facts in registry.projects.values():
        if facts.pk != project_pk and facts.teams & requester:
            own_domains |= facts.domains
            own_techniques |= facts.techniques
            offered_datasets |= facts.granted_datasets
    if team is not None:
        profile_words: Counter = Counter(registry.team_words.get(team.pk, {}))
        for facts in registry.projects.values():
            if team.pk in facts.teams:
                profile_words.update(facts.words)
        query.update(dict(profile_words.most_common(200)))
        if not explicit_needs and request.mode == "similar":
            needed_domains |= own_domains
            needed_techniques |= own_techniques
    if request.text.strip():
        es_like.insert(0, request.text[:20000])
    return MatchContext(
        query=query,
        mode=request.mode,
        size=request.size,
        needed_domains=set(needed_domains),
        needed_techniques=set(needed_techniques),
        wanted_datasets=wanted,
        requester_teams=requester,
        capabilities_domains=own_domains,
        capabilities_techniques=own_techniques,
        preferred_institutes={int(i) for i in request.preferred_institutes},
        excluded_institutes={int(i) for i in request.excluded_institutes},
        es_like=es_like,
        offer=Offer(
            domains=frozenset(offered_domains | own_domains),
            techniques=frozenset(offered_techniques | own_techniques),
            datasets=frozenset(offered_datasets),
            words=query,
        ),
    )


# --- scoring --------------------------------------------------------------------


def _normalised(scores: dict[int, float]) -> dict[int, float]:
    top = max(scores.values(), default=0.0)
    return {pk: score / top for pk, score in scores.items()} if top else {}


def match_rank(
    *,
    context: MatchContext,
    registry: Registry,
    profiles: dict[int, TeamProfile],
    engine_text: dict[int, float] | None = None,
    weights: dict[str, float] | None = None,
    today: datetime.date | None = None,
) -> list[TeamMatch]:
    """Score, filter and diversify the candidates; pure Python over the profiles."""
    weights = weights or PREVIOUS_WEIGHTS
    today = today or datetime.date.today()
    text = _normalised(bm25_scores(context.query, profiles))
    if engine_text:
        # The team index adds French analysis of the team's own text; the profile
        # score covers the text of its projects, which the index does not hold.
        engine = _normalised(engine_text)
        text = {
            pk: 0.5 * text.get(pk, 0.0) + 0.5 * engine.get(pk, 0.0)
            for pk in set(text) | set(engine)
        }
    requester_institutes = set().union(
        *(profiles[pk].institutes for pk in context.requester_teams if pk in profiles)
    ) | set().union(
        *(registry.team_institutes.get(pk, set()) for pk in context.requester_teams)
    )
    neighbours = set().union(
        *(
            profiles[pk].collaborators
            for pk in context.requester_teams
            if pk in profiles
        )
    )
    missing_domains = context.needed_domains - context.capabilities_domains
    missing_techniques = context.needed_techniques - context.capabilities_techniques
    total_weight = sum(weights.values()) or 1.0
    matches = []
    call_fits: dict[int, list[CallFit]] = {}
    for pk, profile in profiles.items():
        if pk in context.requester_teams:
            continue
        if context.excluded_institutes & profile.institutes:
            continue
        fits = best_call_fits(profile.open_calls, context.offer)
        signals = _signals(
            profile,
            context=context,
            fits=fits,
            text=text.get(pk, 0.0),
            neighbours=neighbours,
            missing=(missing_domains, missing_techniques),
            requester_institutes=requester_institutes,
            today=today,
        )
        relevant = (
            signals["text"]
            or signals["coverage"]
            or signals["dataset"]
            or signals["open_call"]
        )
        if not relevant:
            continue
        score = sum(weights.get(name, 0.0) * value for name, value in signals.items())
        matches.append(
            TeamMatch(
                pk=pk,
                slug=profile.slug,
                name=profile.name,
                url="",  # set below for the teams shown
                institutes=[n for n in profile.institute_names if n],
                score=score / total_weight,
                signals={name: round(value, 3) for name, value in signals.items()},
            )
        )
        call_fits[pk] = fits
    matches.sort(key=lambda match: (-match.score, match.name))
    chosen = diversify(matches, size=context.size)
    return chosen


def _signals(
    profile: TeamProfile,
    *,
    context: MatchContext,
    fits: list[CallFit],
    text: float,
    neighbours: set[int],
    missing: tuple[set[int], set[int]],
    requester_institutes: set[int],
    today: datetime.date,
) -> dict[str, float]:
    needed = context.needed_domains | context.needed_techniques
    has = profile.domains | profile.techniques
    coverage = len(needed & has) / len(needed) if needed else 0.0
    missing_domains, missing_techniques = missing
    lacking = missing_domains | missing_techniques
    if context.mode == "similar":
        complementarity = 0.0
    elif lacking:
        complementarity = len(lacking & has) / len(lacking)
    elif context.capabilities_techniques and (
        profile.domains & context.capabilities_domains
    ):
        # Same field, other methods: strong where the requester is weak.
        extra = profile.techniques - context.capabilities_techniques
        complementarity = min(1.0, len(extra) / 3)
    else:
        complementarity = 0.0
    wanted = set(context.wanted_datasets)
    dataset = len(wanted & profile.granted_datasets) / len(wanted) if wanted else 0.0
    direct = profile.collaborators & context.requester_teams
    common = (profile.collaborators & neighbours) - context.requester_teams
    network = min(1.0, (2 * len(direct) + len(common)) / 4)
    recency = 0.0
    if profile.latest_start:
        recency = max(0.0, 1 - (today.year - profile.latest_start.year) / 8)
    cross = float(
        bool(requester_institutes)
        and bool(profile.institutes)
        and not (profile.institutes & requester_institutes)
    )
    preferred = float(bool(context.preferred_institutes & profile.institutes))
    return {
        "text": text,
        "coverage": coverage,
        "complementarity": complementarity,
        "dataset": dataset,
        "network": network,
        "recency": min(1.0, recency),
        "cross_institute": cross,
        "preferred_institute": preferred,
        "open_call": fits[0].fit if fits else 0.0,
        # Projects taken as far as a published INESIA evaluation: two make it full.
        "evaluation": min(1.0, len(profile.evaluated_projects) / 2),
    }


def diversify(matches: list[TeamMatch], *, size: int) -> list[TeamMatch]:
    """Greedy re-rank: each pick lowers the teams that share an institute with the
    teams already picked (an MMR-like penalty), so the top is not one institute."""
    penalty = 0.03
    pool = matches[: size * 4]
    chosen: list[TeamMatch] = []
    seen: Counter = Counter()
    while pool and len(chosen) < size:

        def adjusted(match: TeamMatch) -> float:
            overlap = max((seen[name] for name in match.institutes), default=0)
            return match.score - penalty * overlap

        best = max(pool, key=lambda match: (adjusted(match), -pool.index(match)))
        pool.remove(best)
        chosen.append(best)
        seen.update(best.institutes)
    return chosen
