"""Reads of /mes-donnees/: the data sources a citizen can pick, and the published
projects using one. Projects come through `Project.objects.public()` only."""

import re
import unicodedata
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from projects.models import Project, ProjectDataset
from registry.models import Dataset, Evaluation
from registry.models.datasets import Region

# The kinds of source a citizen recognises, in the order the page offers them.
SOURCE_GROUPS = (
    ("hospital", _("Un hôpital ou un groupe hospitalier"), ("warehouse",)),
    ("insurance", _("L’Assurance maladie et les bases nationales"), ("claims",)),
    ("cohort", _("Une cohorte dont je fais partie"), ("cohort",)),
    (
        "other",
        _("Registres, essais et autres collections"),
        ("registry", "imaging", "omics", "trial"),
    ),
)
SOURCE_RESULTS_SHOWN = 50
SUGGESTIONS_SHOWN = 8
QUERY_MAX_LENGTH = 100


def _folded(text: str) -> str:
    """Lower case without accents or punctuation: « Île-de-France » ≈ « ile de france »."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(re.sub(r"[^\w]+", " ", plain).split())


@dataclass(frozen=True)
class SourceGroup:
    code: str
    label: str
    sources: list


def _source_rows() -> QuerySet[Dataset]:
    return Dataset.objects.select_related("producer").order_by("name")


def _haystack(dataset: Dataset) -> str:
    region = Region(dataset.region).label if dataset.region else ""
    producer = dataset.producer
    return _folded(
        " ".join(
            [
                dataset.name,
                dataset.acronym,
                producer.name,
                producer.acronym,
                producer.city,
                str(region),
            ]
        )
    )


def mydata_source_search(*, query: str) -> list[Dataset]:
    """Sources whose name, acronym, producer, city or region contain every word of
    `query`, accents and case aside.

    Matched in Python: the sources number in the hundreds, and folding here works
    the same on every database engine the portal runs on."""
    words = _folded(query[:QUERY_MAX_LENGTH]).split()
    if not words:
        return []
    found = [
        dataset
        for dataset in _source_rows()
        if all(word in _haystack(dataset) for word in words)
    ]
    return found[:SOURCE_RESULTS_SHOWN]


def mydata_source_groups(sources: list[Dataset] | None = None) -> list[SourceGroup]:
    """`sources` (all sources when None) grouped as a citizen looks for them."""
    if sources is None:
        sources = list(_source_rows())
    groups = []
    for code, label, kinds in SOURCE_GROUPS:
        members = [dataset for dataset in sources if dataset.kind in kinds]
        if members:
            groups.append(SourceGroup(code, label, members[:SOURCE_RESULTS_SHOWN]))
    return groups


def mydata_suggestions(*, query: str) -> list[dict]:
    """The autocomplete's options: label, place and the source page's path
    (`url`, as the header search's suggestions: one script shows both)."""
    if len(_folded(query)) < 2:
        return []
    return [
        {
            "label": str(dataset),
            "place": ", ".join(
                part
                for part in (
                    dataset.producer.city,
                    str(Region(dataset.region).label) if dataset.region else "",
                )
                if part
            ),
            "url": dataset_source_path(dataset),
        }
        for dataset in mydata_source_search(query=query)[:SUGGESTIONS_SHOWN]
    ]


def dataset_source_path(dataset: Dataset) -> str:
    return reverse("mydata:source", kwargs={"slug": dataset.slug})


def mydata_source_uses(*, dataset: Dataset) -> list[ProjectDataset]:
    """The uses of `dataset` by published projects, newest project first, each with
    its project, lead organisation and public INESIA evaluations."""
    uses = list(
        ProjectDataset.objects.public()
        .filter(dataset=dataset)
        .select_related("project__lead_organisation", "project__lead_team")
        .prefetch_related(
            Prefetch(
                "project__evaluations",
                queryset=Evaluation.objects.public().order_by("-published_on"),
                to_attr="public_evaluations",
            )
        )
        .order_by("-project__first_published_at", "project__title", "pk")
    )
    for use in uses:
        use.purpose_sentence = first_sentence(use.project.display_summary)
    return uses


def source_projects_for_feed(*, dataset: Dataset, limit: int) -> QuerySet[Project]:
    """The newest published projects using `dataset`, for its Atom feed."""
    return (
        Project.objects.public()
        .filter(dataset_uses__dataset=dataset)
        .distinct()
        .select_related("lead_organisation")
        .order_by("-first_published_at", "-pk")[:limit]
    )


def first_sentence(text: str) -> str:
    """A summary's first sentence: the project's purpose in plain words."""
    text = " ".join(text.split())
    match = re.search(r"^(.+?[.!?])(\s|$)", text)
    sentence = match.group(1) if match else text
    return sentence if len(sentence) <= 300 else sentence[:297].rstrip() + "…"
