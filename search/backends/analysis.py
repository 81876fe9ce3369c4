"""Text analysis for the database engines, the counterpart of search/analyzers.py.

Folding (accents, case, ligatures), identifiers split where letters meet digits
("CIM-10", "CIM10" → "cim 10"), French and English stop words, Snowball stemming
(the `snowballstemmer` library), and the query read as *concepts*: each word of the
query, or each phrase of search/synonyms/ found in it, with its synonyms as
alternatives. Both engines match concepts, so they share the minimum-should-match
rule of the Elasticsearch query.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

import snowballstemmer

from search.analyzers import synonym_rules

_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss", "’": "'"})
# Letters or digits, but never both: "cim10" and "cim-10" give the same two tokens.
_TOKEN = re.compile(r"[a-z]+|[0-9]+")
FRENCH_STOP_WORDS = frozenset(
    "a au aux avec ce ces c d dans de des du elle en et est il j l la le les leur "
    "lui m ma mais me mes n ne nos notre nous on ou par pas pour qu que qui s sa se "
    "ses son sur t ta te tes un une vos votre vous y".split()
)
ENGLISH_STOP_WORDS = frozenset(
    "an and are as at be by for from in into is it of on or the to with".split()
)
STOP_WORDS = FRENCH_STOP_WORDS | ENGLISH_STOP_WORDS


def fold(text: str) -> str:
    """Lower case, no accents, ligatures spelt out."""
    decomposed = unicodedata.normalize("NFKD", text.lower().translate(_LIGATURES))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def words(text: str) -> list[str]:
    """Folded tokens without stop words, in order."""
    return [token for token in _TOKEN.findall(fold(text)) if token not in STOP_WORDS]


@cache
def _stemmer(language: str):
    return snowballstemmer.stemmer(language)


def stems(tokens: list[str], language: str = "french") -> list[str]:
    return _stemmer(language).stemWords(tokens)


def split_identifiers(text: str) -> str:
    """The text with letters and digits apart, as the engines' parsers should see
    it: "CIM-10" and "CIM10" both become "CIM 10"."""
    return re.sub(r"(?<=[^\W\d_])-?(?=\d)|(?<=\d)-?(?=[^\W\d_])", " ", text)


@dataclass(frozen=True)
class Concept:
    """One thing the query asks for: alternative phrases, as folded tokens without
    stop words; `texts` holds the same phrases with their stop words (PostgreSQL
    counts the positions of stop words in a phrase); `stemmed` when the tokens are
    stems already (a typo corrected against an index of stems)."""

    alternatives: tuple[tuple[str, ...], ...]
    texts: tuple[str, ...] = ()
    stemmed: bool = False

    @property
    def typed(self) -> tuple[str, ...]:
        return self.alternatives[0]

    def text(self, index: int) -> str:
        return self.texts[index] if self.texts else " ".join(self.alternatives[index])


@cache
def _synonym_groups() -> dict[tuple[str, ...], Concept]:
    """Phrase (folded tokens) → its concept: every phrase of its group, itself first."""
    phrases: dict[tuple[str, ...], str] = {}
    groups: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for rule in synonym_rules():
        group = []
        for term in rule.split(","):
            tokens = tuple(words(term))
            if tokens and tokens not in group:
                group.append(tokens)
                phrases.setdefault(tokens, " ".join(_TOKEN.findall(fold(term))))
        for tokens in group:
            known = groups.setdefault(tokens, [tokens])
            known += [other for other in group if other not in known]
    return {
        tokens: Concept(tuple(group), tuple(phrases[g] for g in group))
        for tokens, group in groups.items()
    }


def concepts(query: str) -> list[Concept]:
    """The query as concepts, longest synonym phrases first, left to right."""
    tokens = words(query)
    groups = _synonym_groups()
    longest = max((len(phrase) for phrase in groups), default=1)
    found: list[Concept] = []
    position = 0
    while position < len(tokens):
        for size in range(min(longest, len(tokens) - position), 0, -1):
            phrase = tuple(tokens[position : position + size])
            if phrase in groups:
                found.append(groups[phrase])
                position += size
                break
        else:
            found.append(Concept(((tokens[position],),)))
            position += 1
    return list(dict.fromkeys(found))


def required_matches(count: int) -> int:
    """Up to two concepts: all of them; more: three quarters (the engine's "2<75%")."""
    return count if count <= 2 else max(1, (count * 3) // 4)
