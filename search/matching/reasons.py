"""The reasons of a team match, as data and as sentences in the active language."""

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from search.matching.lexicon import tag_key
from search.matching.profiles import TeamProfile

if TYPE_CHECKING:
    from search.matching.calls import CallFit
    from search.matching.facts import MatchFacts
    from search.matching.match import MatchContext


def team_url(slug: str) -> str:
    return reverse("registry:team_detail", kwargs={"slug": slug})


@dataclass
class PartnerRef:
    name: str
    url: str


@dataclass
class CallRef:
    """An open call of the team that fits the request, and what in it fits."""

    title: str
    url: str
    fit: float
    matched: list[str] = field(default_factory=list)


@dataclass
class MatchReasons:
    matched_terms: list[str] = field(default_factory=list)
    covered_domains: list[str] = field(default_factory=list)
    covered_techniques: list[str] = field(default_factory=list)
    covered_expertise: list[str] = field(default_factory=list)  # the team's tags
    complementary_expertise: list[str] = field(default_factory=list)
    shared_datasets: list[str] = field(default_factory=list)
    missing_datasets: list[str] = field(default_factory=list)
    common_partners: list[PartnerRef] = field(default_factory=list)
    past_collaborators: list[PartnerRef] = field(default_factory=list)
    latest_start_year: int | None = None
    cross_institute: bool = False  # under none of the lead's institutes
    consortium_crosses: bool = False  # as the requester's other teams
    preferred_institute: bool = False
    open_calls: list[CallRef] = field(default_factory=list)
    evaluated_projects: list[str] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)


def _names(ids, names: dict[int, str], *, limit: int = 6) -> list[str]:
    return sorted(names[pk] for pk in ids if pk in names)[:limit]


# A team covers a concept of the need when it stands for it at least this much.
COVERED = 0.3


def match_reasons(
    profile: TeamProfile,
    *,
    context: "MatchContext",
    facts: "MatchFacts",
    neighbours: set[int],
    fits: list["CallFit"] = (),
) -> MatchReasons:
    """Which part of the need the team covers, in labels people read: taxonomy
    terms in the active language, expertise tags, dataset names, partners, calls,
    evaluations. Never stems."""
    english = get_language() == "en"
    lexicon = facts.lexicon
    common = (profile.collaborators & neighbours) - context.requester_teams
    direct = profile.collaborators & context.requester_teams
    covered = sorted(
        (key for key in context.need if profile.concepts.get(key, 0.0) >= COVERED),
        key=lambda key: (-context.need[key] * profile.concepts[key], key),
    )
    domains = [lexicon.label(k, english=english) for k in covered if k[:1] == "d"]
    techniques = [lexicon.label(k, english=english) for k in covered if k[:1] == "t"]
    tag_concepts = {tag: {tag_key(tag), *lexicon.concepts(tag)} for tag in profile.tags}
    need_tags = [tag for tag, keys in tag_concepts.items() if keys & set(context.need)]
    # What the team declares that the requester does not have (complementary only).
    brings = [
        tag
        for tag, keys in tag_concepts.items()
        if context.have
        and tag not in need_tags
        and not any(context.have.get(key, 0.0) >= COVERED for key in keys)
    ]
    other = [
        lexicon.label(k, english=english)
        for k in covered
        if k[:1] == "s" and lexicon.label(k)
    ]

    names = facts.team_refs(common | direct)

    def refs(ids) -> list[PartnerRef]:
        teams = sorted(names[pk] for pk in ids if pk in names)
        return [PartnerRef(name=name, url=team_url(slug)) for name, slug in teams[:5]]

    reasons = MatchReasons(
        matched_terms=(domains + techniques + need_tags + other)[:8],
        covered_domains=domains[:6],
        covered_techniques=techniques[:6],
        covered_expertise=need_tags[:6],
        complementary_expertise=brings[:6] if context.mode == "complementary" else [],
        shared_datasets=sorted(
            name
            for pk, name in context.wanted_datasets.items()
            if pk in profile.granted_datasets
        ),
        missing_datasets=sorted(
            name
            for pk, name in context.wanted_datasets.items()
            if pk not in profile.granted_datasets
        ),
        common_partners=refs(common),
        past_collaborators=refs(direct),
        latest_start_year=profile.latest_start.year if profile.latest_start else None,
        cross_institute=bool(context.cross_institute(profile.institutes)),
        consortium_crosses=context.consortium == "crosses",
        preferred_institute=bool(context.preferred_institutes & profile.institutes),
        open_calls=[
            CallRef(
                title=fit.call.title,
                url=fit.call.url,
                fit=round(fit.fit, 3),
                matched=_names(fit.domains, facts.domain_names)
                + _names(fit.techniques, facts.technique_names)
                + ([fit.call.dataset_name] if fit.dataset else []),
            )
            for fit in fits[:3]
        ],
        evaluated_projects=sorted(
            facts.project_titles(profile.evaluated_projects).values()
        ),
    )
    reasons.sentences = reason_sentences(reasons)
    return reasons


def reason_sentences(reasons: MatchReasons) -> list[str]:
    """The reasons in words, in the active language."""
    sentences = []
    covered = reasons.covered_domains + reasons.covered_techniques
    if covered:
        sentences.append(
            _("Couvre votre besoin : %(terms)s.") % {"terms": ", ".join(covered)}
        )
    if reasons.covered_expertise:
        sentences.append(
            _("Expertise déclarée qui répond au besoin : %(tags)s.")
            % {"tags": ", ".join(reasons.covered_expertise)}
        )
    if reasons.complementary_expertise:
        sentences.append(
            _("Apporte ce que vous n’avez pas : %(tags)s.")
            % {"tags": ", ".join(reasons.complementary_expertise)}
        )
    if reasons.shared_datasets:
        sentences.append(
            _("A déjà obtenu l’accès à %(datasets)s dans un projet publié.")
            % {"datasets": ", ".join(reasons.shared_datasets)}
        )
    if reasons.missing_datasets:
        sentences.append(
            _("N’a pas encore travaillé avec %(datasets)s.")
            % {"datasets": ", ".join(reasons.missing_datasets)}
        )
    if reasons.past_collaborators:
        sentences.append(
            _("A déjà collaboré avec %(teams)s.")
            % {"teams": ", ".join(p.name for p in reasons.past_collaborators)}
        )
    if reasons.common_partners:
        sentences.append(
            ngettext(
                "Partenaire en commun : %(teams)s.",
                "Partenaires en commun : %(teams)s.",
                len(reasons.common_partners),
            )
            % {"teams": ", ".join(p.name for p in reasons.common_partners)}
        )
    if reasons.latest_start_year:
        sentences.append(
            _("Dernier projet publié commencé en %(year)s.")
            % {"year": reasons.latest_start_year}
        )
    for call in reasons.open_calls:
        sentences.append(
            (
                _(
                    "Appel ouvert : « %(title)s » cherche ce que vous apportez "
                    "(%(terms)s)."
                )
                if call.matched
                else _("Appel ouvert : « %(title)s ».")
            )
            % {"title": call.title, "terms": ", ".join(call.matched)}
        )
    if reasons.evaluated_projects:
        sentences.append(
            ngettext(
                "A mené un projet jusqu’à une évaluation INESIA publiée : %(projects)s.",
                "A mené %(count)s projets jusqu’à une évaluation INESIA publiée : "
                "%(projects)s.",
                len(reasons.evaluated_projects),
            )
            % {
                "count": len(reasons.evaluated_projects),
                "projects": ", ".join(reasons.evaluated_projects[:3])
                + ("…" if len(reasons.evaluated_projects) > 3 else ""),
            }
        )
    if reasons.cross_institute and reasons.consortium_crosses:
        sentences.append(
            _(
                "D’un autre institut que l’équipe porteuse, comme les autres "
                "partenaires du projet."
            )
        )
    elif reasons.cross_institute:
        sentences.append(_("Rapprochement entre instituts différents."))
    if reasons.preferred_institute:
        sentences.append(_("Relève d’un institut que vous préférez."))
    return sentences
