"""French-first analysis for every index: elision, lower-case, accent folding, stop
words, a light French stemmer; an English chain for English text; query-time synonyms
from search/synonyms/; edge n-grams for autocomplete; a folded keyword normalizer for
acronyms and identifiers.

The filter names are Elasticsearch's standard ones (served by analysis-common on a
full distribution, by search/es-plugin on the minimal one).
"""

from functools import cache
from pathlib import Path

SYNONYMS_DIR = Path(__file__).resolve().parent / "synonyms"

FRENCH_ARTICLES = ["l", "d", "j", "m", "n", "s", "t", "qu", "c", "jusqu", "quoiqu",
                   "lorsqu", "puisqu"]  # fmt: skip


def synonym_rules() -> list[str]:
    """Every rule of every file in search/synonyms/, comments and blanks dropped."""
    rules = []
    for path in sorted(SYNONYMS_DIR.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                rules.append(line)
    return rules


@cache
def analysis_settings() -> dict:
    """The `analysis` block of every index's settings."""
    folded = ["lowercase", "asciifolding"]
    return {
        "filter": {
            "fr_elision": {
                "type": "elision",
                "articles_case": True,
                "articles": FRENCH_ARTICLES,
            },
            "fr_stop": {"type": "stop", "stopwords": "_french_"},
            "fr_stem": {"type": "stemmer", "language": "light_french"},
            "en_possessive": {"type": "stemmer", "language": "possessive_english"},
            "en_stop": {"type": "stop", "stopwords": "_english_"},
            "en_stem": {"type": "stemmer", "language": "light_english"},
            # Synonyms come before stop words: multi-word rules keep their "des".
            "health_synonyms": {"type": "synonym_graph", "synonyms": synonym_rules()},
            "prefixes": {"type": "edge_ngram", "min_gram": 2, "max_gram": 20},
        },
        "analyzer": {
            "french_index": _chain("fr_elision", *folded, "fr_stop", "fr_stem"),
            "french_search": _chain(
                "fr_elision", *folded, "health_synonyms", "fr_stop", "fr_stem"
            ),
            "english_index": _chain("en_possessive", *folded, "en_stop", "en_stem"),
            "english_search": _chain(
                "en_possessive", *folded, "health_synonyms", "en_stop", "en_stem"
            ),
            "names": _chain("fr_elision", *folded),
            "autocomplete_index": _chain("fr_elision", *folded, "prefixes"),
            "autocomplete_search": _chain("fr_elision", *folded),
        },
        "normalizer": {"folded": {"type": "custom", "filter": folded}},
    }


def _chain(*filters: str) -> dict:
    return {"type": "custom", "tokenizer": "standard", "filter": list(filters)}
