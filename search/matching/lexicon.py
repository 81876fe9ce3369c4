"""Concepts: what a need and a team profile are compared on, in either language.

A concept is a taxonomy term (its French and English labels, and each half of a
label such as "Radiologie et imagerie médicale"), a declared expertise tag, or a
group of the search synonyms (search/synonyms/, plus the English names of
expertise tags in `expertise_en.txt` here). Phrases of a synonym group that name a
term or a tag join that concept, so "computer vision", "vision par ordinateur" and
the technique "Vision par ordinateur" are one concept. Texts are read as phrases
(longest first) over folded, crudely singularised words: a reason can then name
the concept by its label, never by a stem.
"""

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.html import strip_tags

from search.analyzers import synonym_rules

EXPERTISE_EN = Path(__file__).resolve().parent / "expertise_en.txt"
LONGEST_PHRASE = 6
COMBINING = re.compile("[\u0300-\u036f]")
WORD = re.compile(r"[a-z0-9]+")
LABEL_HALVES = re.compile(r"\s+(?:et|and|&)\s+|\s*[,/]\s*")


def fold(text: str) -> str:
    """Lower-case, accent-free text (é → e)."""
    folded = unicodedata.normalize("NFKD", strip_tags(text or "").lower())
    return COMBINING.sub("", folded)


def singular(word: str) -> str:
    """A crude singular shared by French and English ("images", "cohorts")."""
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    if len(word) > 5 and word.endswith("x"):
        return word[:-1]
    return word


def phrase_words(text: str) -> list[str]:
    """Every word of a text, folded and singularised; elided letters dropped."""
    return [singular(word) for word in WORD.findall(fold(text)) if len(word) > 1]


@dataclass
class Lexicon:
    """Phrases (tuples of words) → concept keys, and each concept's label."""

    phrases: dict[tuple[str, ...], str] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)  # key → French label
    labels_en: dict[str, str] = field(default_factory=dict)

    def add(self, phrase: str, key: str) -> None:
        words = tuple(phrase_words(phrase))
        if words and len(words) <= LONGEST_PHRASE:
            self.phrases.setdefault(words, key)

    def concepts(self, text: str) -> Counter:
        """The concepts a text names, each with how often; longest phrase wins."""
        words = phrase_words(text)
        found: Counter = Counter()
        position = 0
        while position < len(words):
            for length in range(min(LONGEST_PHRASE, len(words) - position), 0, -1):
                key = self.phrases.get(tuple(words[position : position + length]))
                if key is not None:
                    found[key] += 1
                    position += length
                    break
            else:
                position += 1
        return found

    def label(self, key: str, *, english: bool = False) -> str:
        if english and self.labels_en.get(key):
            return self.labels_en[key]
        return self.labels.get(key, "")


def term_key(kind: str, pk: int) -> str:
    """The concept of a domain ("d") or technique ("t") term."""
    return f"{kind}{pk}"


def tag_key(name: str) -> str:
    return "e:" + " ".join(phrase_words(name))


def _synonym_groups() -> list[list[str]]:
    groups = [rule.split(",") for rule in synonym_rules()]
    if EXPERTISE_EN.exists():
        for line in EXPERTISE_EN.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                groups.append(line.split(","))
    return [[term.strip() for term in group if term.strip()] for group in groups]


def lexicon_build(*, terms: dict[str, tuple[str, str]], tags: list[str]) -> Lexicon:
    """The lexicon of the registry's terms ({key: (name, name_en)}) and tags."""
    lexicon = Lexicon()
    halves = []
    for key, (name, name_en) in terms.items():
        lexicon.labels[key] = name
        lexicon.labels_en[key] = name_en or name
        for label in (name, name_en):
            if label:
                lexicon.add(label, key)
                halves += [(half, key) for half in LABEL_HALVES.split(label)]
    # A declared tag ("imagerie médicale") is a sharper concept than half of a
    # label ("Radiologie et imagerie médicale"): tags first.
    for name in tags:
        key = tag_key(name)
        lexicon.labels.setdefault(key, name)
        lexicon.add(name, key)
    from_halves = set()
    for half, key in halves:
        # "Maladies" alone is no concept: halves of one word only if long.
        words = tuple(phrase_words(half))
        if (len(half.split()) > 1 or len(half) > 6) and words not in lexicon.phrases:
            lexicon.add(half, key)
            from_halves.add(words)
    for number, group in enumerate(_synonym_groups()):
        phrases = [tuple(phrase_words(term)) for term in group]
        # A group joins the concept of a taxonomy term, else of a tag, before that of
        # half a label ("medical imaging" is the tag "imagerie médicale", not
        # Radiology); its phrases then all name that one concept.
        known = [lexicon.phrases[p] for p in phrases if p in lexicon.phrases]
        sharp = [
            lexicon.phrases[p]
            for p in phrases
            if p in lexicon.phrases and p not in from_halves
        ]
        sharp.sort(key=lambda key: key[:1] not in ("d", "t") or key[1:2] == ":")
        key = (sharp or known or [f"s{number}"])[0]
        if not known:
            lexicon.labels[key] = group[0]
        for term, words in zip(group, phrases, strict=True):
            if words in lexicon.phrases:
                lexicon.phrases[words] = key
            else:
                lexicon.add(term, key)
    return lexicon


def project_profile_text(
    *, title, acronym, summary, description, keywords, terms
) -> str:
    """The text a team's matching profile takes from one public project, for the
    database path (search/matching/signals.py) and the team index
    (search/sources.py) alike: its words, keywords, and its terms' labels in both
    languages so an English need meets it."""
    return " ".join(
        [
            title or "",
            acronym or "",
            summary or "",
            strip_tags(description or ""),
            " ".join(keywords),
            " ".join(f"{term.name} {term.name_en}" for term in terms),
        ]
    )
