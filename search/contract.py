"""The one request and response shape of search, whichever engine answers."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

TYPES = {
    "project": _("Projets"),
    "team": _("Équipes"),
    "person": _("Personnes"),
    "dataset": _("Jeux de données"),
    "organisation": _("Organisations"),
}

# Facet name → (document field, label). Order is the order of the page.
FACETS = {
    "institute": ("institutes", _("Institut")),
    "team": ("teams", _("Équipe")),
    "domain": ("domains", _("Domaine médical")),
    "technique": ("techniques", _("Technique d’IA")),
    "dataset": ("datasets", _("Jeu de données")),
    "status": ("status", _("Statut")),
    "stage": ("stage", _("Stade")),
    "verdict": ("verdicts", _("Avis d’évaluation")),
    "start_year": ("start_year", _("Année de début")),
}

# What a search may count (`SearchRequest.facets`): every facet, and the hits per
# type. Counting is asked for, never implied: at 100,000 projects the aggregations
# were ~40 % of the engine's time, spent for callers that showed none (issue 15).
FACET_NAMES = (*FACETS, "type")

SORTS = {"relevance": _("Pertinence"), "date": _("Date"), "title": _("Titre")}


@dataclass
class SearchRequest:
    query: str = ""
    types: list[str] = field(default_factory=list)
    filters: dict[str, list[str]] = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1
    page_size: int = 20
    search_after: list | None = None  # deep pagination for API clients
    # The facets to count (names of FACET_NAMES); none by default.
    facets: frozenset[str] = frozenset()

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size


@dataclass
class SearchHit:
    type: str
    pk: int
    url: str
    label: str
    snippet: str  # safe HTML: escaped text with <mark> around matches
    score: float | None = None


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class SearchResponse:
    hits: list[SearchHit]
    total: int
    facets: dict[str, list[FacetValue]]  # only those the request asked for
    took_ms: int
    engine: str  # "elasticsearch" or "database"
    next_search_after: list | None = None
    # The database answered because a configured engine failed (not by design).
    degraded: bool = False
