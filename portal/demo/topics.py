"""What a demo project studies: a clinical problem, the kind of data it needs, and the
words of its title (data/demo_topics.csv, written for the demo, fictional).

A project is drawn from its lead team's specialty: a topic in one of the team's domains
whose modality the team's techniques can handle. The modality then decides the datasets
(portal/demo/data_uses.py), so that an eye-scan project never leans on claims data.
"""

import csv
from dataclasses import dataclass
from pathlib import Path

TOPICS_FILE = Path(__file__).resolve().parent / "data" / "demo_topics.csv"


@dataclass(frozen=True)
class Topic:
    domain: str  # top-level Domain slug
    subdomain: str  # Domain sub-term slug, or ""
    modality: str  # imaging, eye, skin, pathology, video, notes, signals, ehr, …
    problem_fr: str  # with its article: "la détection précoce de …"
    problem_en: str
    data_fr: str  # what is analysed, for a title: "en IRM", "sur rétinographies"
    data_en: str
    keywords: tuple[str, ...]
    datasets: tuple[str, ...]  # preferred datasets, before the modality's pool


def _split(value: str) -> tuple[str, ...]:
    return tuple(part for part in value.split(";") if part)


def _load() -> list[Topic]:
    with open(TOPICS_FILE, newline="", encoding="utf-8") as handle:
        return [
            Topic(
                **{
                    **row,
                    "keywords": _split(row["keywords"]),
                    "datasets": _split(row["datasets"]),
                }
            )
            for row in csv.DictReader(handle)
        ]


TOPICS = _load()
