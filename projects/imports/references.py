"""Finding the records a file names: by identifier first, by normalised name after.

Each index is loaded once per run (a constant number of queries whatever the file's
size) and learns the records the run creates, so a row may name one created above it.
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from collections import defaultdict

from django.db.models import Model

from registry.models import Dataset, Organisation, Person, Team
from registry.models.base import unique_slug
from registry.validators import RNSR_PATTERN, ROR_PATTERN, normalise_ror

# Words that the same organisation is written with or without, in public files.
ABBREVIATIONS = {
    "chu": "centre hospitalier universitaire",
    "chru": "centre hospitalier universitaire",
    "crlcc": "",
    "clcc": "",
}
DROPPED_WORDS = {"regional", "et", "cedex", "le", "la", "les", "d", "l", "de", "du"}
DROPPED_PREFIXES = ("centre lutte contre cancer ",)
# Names in the ANR files that no rule above brings to the registry's spelling.
ALIAS_NAMES = {
    "AP-HP": "Assistance Publique – Hôpitaux de Paris",
    "AP-HM": "Assistance publique - Hôpitaux de Marseille",
    "AP-H de Marseille": "Assistance publique - Hôpitaux de Marseille",
    "CHU de Strasbourg": "Hôpitaux universitaires de Strasbourg",
    "CHU d'Amiens": "Centre hospitalier universitaire d'Amiens - Picardie",
    "CHU de Grenoble": "Centre hospitalier universitaire Grenoble-Alpes",
    "Georges Francois Leclerc": "Centre Georges-François Leclerc",
    "Centre anticancereux L. Bérard": "Centre Léon-Bérard",
}
AMBIGUOUS = object()


def _spelling_key(name: str) -> str:
    folded = unicodedata.normalize("NFKD", html.unescape(name or ""))
    folded = "".join(char for char in folded if not unicodedata.combining(char))
    words = re.sub(r"[^a-z0-9]+", " ", folded.lower()).split()
    words = " ".join(ABBREVIATIONS.get(word, word) for word in words).split()
    key = " ".join(word for word in words if word not in DROPPED_WORDS)
    for prefix in DROPPED_PREFIXES:
        key = key.removeprefix(prefix)
    return key


ALIASES = {
    _spelling_key(alias): _spelling_key(name) for alias, name in ALIAS_NAMES.items()
}


@functools.lru_cache(maxsize=65536)  # a file repeats its cities and parents
def name_key(name: str) -> str:
    """A spelling-proof key: accents, case, punctuation, "CHU", "Cedex" and a few
    stop words do not count (`CHU de Lille` = `Centre hospitalier régional
    universitaire de Lille`; `Institut Gustave-Roussy` = `Institut Gustave Roussy`),
    and a few known aliases (`AP-HP`) lead to the full name."""
    key = _spelling_key(name)
    return ALIASES.get(key, key)


def city_key(city: str) -> str:
    """`Paris Cedex 13` and `Paris` are the same city."""
    return re.sub(r"\d+", "", name_key(city)).strip()


def city_clean(city: str) -> str:
    """The city as a person writes it on a page: no "Cedex", no district number."""
    cleaned = re.sub(r"\bc[eé]dex\b", "", city or "", flags=re.IGNORECASE)
    return re.sub(r"\s+\d+\s*$", "", re.sub(r"\s+", " ", cleaned)).strip()


class Index:
    """Records by key; a key two records share finds neither (it is ambiguous)."""

    def __init__(self) -> None:
        self._by_key: dict[str, object] = {}

    def add(self, key: str, record: Model) -> None:
        if not key:
            return
        known = self._by_key.get(key)
        # A record not yet written (a pending batch) has no pk: itself, or another.
        if (
            known is None
            or known is record
            or (record.pk is not None and getattr(known, "pk", None) == record.pk)
        ):
            self._by_key[key] = record
        else:
            self._by_key[key] = AMBIGUOUS

    def get(self, key: str):
        return self._by_key.get(key) if key else None


class OrganisationIndex:
    """Organisations by ROR id, by (name, city), and by name or acronym alone."""

    def __init__(self) -> None:
        self.by_ror: dict[str, Organisation] = {}
        self.by_name_city = Index()
        self.by_name = Index()
        for organisation in Organisation.objects.all():
            self.add(organisation)

    def add(self, organisation: Organisation) -> None:
        if organisation.ror_id:
            self.by_ror[organisation.ror_id] = organisation
        key = name_key(organisation.name)
        self.by_name_city.add(f"{key}@{city_key(organisation.city)}", organisation)
        self.by_name.add(key, organisation)
        self.by_name.add(name_key(organisation.acronym), organisation)

    def find(self, reference: str) -> Organisation | None:
        """By ROR id (bare or URL) when it looks like one, else by name or acronym."""
        ror = normalise_ror(reference)
        if ROR_PATTERN.match(ror):
            return self.by_ror.get(ror)
        found = self.by_name.get(name_key(reference))
        return None if found is AMBIGUOUS else found

    def find_by_name_city(self, name: str, city: str) -> Organisation | None:
        found = self.by_name_city.get(f"{name_key(name)}@{city_key(city)}")
        return None if found is AMBIGUOUS else found


class TeamIndex:
    """Teams by RNSR code, or by name or acronym."""

    def __init__(self) -> None:
        self.by_rnsr: dict[str, Team] = {}
        self.by_name = Index()
        self.by_name_city = Index()
        for team in Team.objects.all():
            self.add(team)

    def add(self, team: Team) -> None:
        if team.rnsr:
            self.by_rnsr[team.rnsr] = team
        self.by_name.add(name_key(team.name), team)
        self.by_name.add(name_key(team.acronym), team)
        self.by_name_city.add(f"{name_key(team.name)}@{city_key(team.city)}", team)

    def find(self, reference: str) -> Team | None:
        code = reference.strip().upper()
        if RNSR_PATTERN.match(code):
            return self.by_rnsr.get(code)
        found = self.by_name.get(name_key(reference))
        return None if found is AMBIGUOUS else found

    def find_by_name_city(self, name: str, city: str) -> Team | None:
        found = self.by_name_city.get(f"{name_key(name)}@{city_key(city)}")
        return None if found is AMBIGUOUS else found


class DatasetIndex:
    """Datasets by slug, or by name or acronym."""

    def __init__(self) -> None:
        self.by_slug: dict[str, Dataset] = {}
        self.by_name = Index()
        for dataset in Dataset.objects.all():
            self.add(dataset)

    def add(self, dataset: Dataset) -> None:
        self.by_slug[dataset.slug] = dataset
        self.by_name.add(name_key(dataset.name), dataset)
        self.by_name.add(name_key(dataset.acronym), dataset)

    def find(self, reference: str) -> Dataset | None:
        if reference in self.by_slug:
            return self.by_slug[reference]
        found = self.by_name.get(name_key(reference))
        return None if found is AMBIGUOUS else found


class References:
    """Every index a run may need, built on first use."""

    def __init__(self) -> None:
        self._organisations: OrganisationIndex | None = None
        self._teams: TeamIndex | None = None
        self._datasets: DatasetIndex | None = None
        self.people: dict[str, Person] = {}
        self.terms: dict[str, dict[str, Model]] = defaultdict(dict)
        self.slugs: dict[str, set[str]] = {}

    @property
    def organisations(self) -> OrganisationIndex:
        if self._organisations is None:
            self._organisations = OrganisationIndex()
        return self._organisations

    @property
    def teams(self) -> TeamIndex:
        if self._teams is None:
            self._teams = TeamIndex()
        return self._teams

    @property
    def datasets(self) -> DatasetIndex:
        if self._datasets is None:
            self._datasets = DatasetIndex()
        return self._datasets

    def slug_allocate(self, instance: Model) -> str:
        """A free slug for a new registry record, from the model's slugs loaded
        once per run (rather than one query per row and candidate)."""
        taken = self.slugs.get(instance._meta.label)
        if taken is None:
            manager = type(instance)._default_manager
            taken = self.slugs[instance._meta.label] = set(
                manager.values_list("slug", flat=True)
            )
        source = getattr(instance, instance.slug_source_field)
        slug = unique_slug(instance, source, taken=taken.__contains__)
        taken.add(slug)
        return slug

    def term(self, model: type[Model], slug: str) -> Model | None:
        """A taxonomy term (domain, technique) by slug, all loaded on first use."""
        terms = self.terms[model._meta.label]
        if not terms:
            terms.update({term.slug: term for term in model.objects.all()})
        return terms.get(slug)
