"""Titles and acronyms of the demo projects, in natural French and English.

A title names the clinical problem, then how it is tackled, sometimes on what data:
"Dépistage du glaucome par apprentissage profond sur photographies du fond d’œil".
An acronym is built from the syllables of the title's words, the way teams name their
projects (pronounceable, never two alike).
"""

import random
import re
import unicodedata

# Technique slug → ("par …" FR, "using …" EN, noun FR, noun EN).
BY_TECHNIQUE = {
    "apprentissage-profond": (
        "par apprentissage profond",
        "using deep learning",
        "Apprentissage profond",
        "Deep learning",
    ),
    "reseaux-convolutifs": (
        "par réseaux de neurones convolutifs",
        "using convolutional neural networks",
        "Réseaux convolutifs",
        "Convolutional networks",
    ),
    "transformers": (
        "par modèles de fondation",
        "using foundation models",
        "Modèles de fondation",
        "Foundation models",
    ),
    "modeles-generatifs": (
        "par modèles génératifs",
        "using generative models",
        "Modèles génératifs",
        "Generative models",
    ),
    "apprentissage-statistique": (
        "par apprentissage statistique",
        "using statistical learning",
        "Apprentissage statistique",
        "Statistical learning",
    ),
    "methodes-ensemblistes": (
        "par forêts aléatoires et boosting",
        "using boosting",
        "Méthodes ensemblistes",
        "Ensemble methods",
    ),
    "modeles-de-survie": (
        "par modèles de survie",
        "using survival models",
        "Modèles de survie",
        "Survival models",
    ),
    "tal": (
        "par traitement automatique de la langue",
        "using language processing",
        "Traitement automatique des textes cliniques",
        "Clinical text processing",
    ),
    "grands-modeles-de-langage": (
        "par grands modèles de langue",
        "using large language models",
        "Grands modèles de langue",
        "Large language models",
    ),
    "vision": (
        "par analyse d’images",
        "using image analysis",
        "Vision par ordinateur",
        "Computer vision",
    ),
    "segmentation": (
        "par segmentation automatique",
        "through automatic segmentation",
        "Segmentation automatique",
        "Automatic segmentation",
    ),
    "apprentissage-federe": (
        "par apprentissage fédéré multicentrique",
        "using multicentre federated learning",
        "Apprentissage fédéré",
        "Federated learning",
    ),
    "inference-causale": (
        "par émulation d’essais cibles",
        "through target trial emulation",
        "Inférence causale",
        "Causal inference",
    ),
    "apprentissage-par-renforcement": (
        "par apprentissage par renforcement",
        "using reinforcement learning",
        "Apprentissage par renforcement",
        "Reinforcement learning",
    ),
    "series-temporelles": (
        "par modélisation des signaux",
        "through signal modelling",
        "Modélisation des signaux",
        "Signal modelling",
    ),
    "graphes": (
        "par apprentissage sur graphes",
        "using graph learning",
        "Réseaux de neurones sur graphes",
        "Graph neural networks",
    ),
    "ia-explicable": (
        "par des modèles explicables",
        "using explainable models",
        "Modèles explicables",
        "Explainable models",
    ),
    "jumeaux-numeriques": (
        "par jumeau numérique",
        "using a digital twin",
        "Jumeau numérique",
        "Digital twin",
    ),
    "ia-symbolique": (
        "par un système d’aide à la décision fondé sur les recommandations",
        "with a guideline-based decision support system",
        "Aide à la décision fondée sur les recommandations",
        "Guideline-based decision support",
    ),
}
_ARTICLE = re.compile(r"^(la |le |les |l’|l')", re.IGNORECASE)
_STOP = {
    "de", "des", "du", "la", "le", "les", "l", "d", "et", "en", "par", "pour", "sur",
    "dans", "aux", "au", "une", "un", "chez", "apres", "lors", "leurs", "leur", "a",
    "of", "the", "for", "in", "on", "and", "with", "using", "from", "after", "to",
}  # fmt: skip


# Syllable blends that happen to be words no team would choose.
UNFORTUNATE = {
    "NUDE",
    "COMA",
    "MORT",
    "MORTE",
    "CACA",
    "PIPI",
    "PUTE",
    "CONNE",
    "MERDE",
}


def capitalised(problem: str) -> str:
    """ "la détection de …" → "Détection de …"."""
    bare = _ARTICLE.sub("", problem, count=1)
    return bare[0].upper() + bare[1:]


TITLE_FORMS = 4


def project_title(
    problem: tuple[str, str], data: tuple[str, str], technique: str, form: int
) -> tuple[str, str]:
    """The French and English titles of a project on one problem with one technique.

    Forms: "<Problem> par <technique> [<data>]" or "<Technique> pour <problem> [<data>]";
    the data phrase only when the problem does not already say it.
    """
    by_fr, by_en, noun_fr, noun_en = BY_TECHNIQUE[technique]
    if form < 2:
        fr = f"{capitalised(problem[0])} {by_fr}"
        en = f"{capitalised(problem[1])} {by_en}"
    else:
        fr = f"{noun_fr} pour {problem[0]}"
        en = f"{noun_en} for {problem[1]}"
    if form % 2 and data[0] and _adds_to(fr, problem[0], data[0]):
        fr, en = f"{fr} {data[0]}", f"{en} {data[1]}"
    return fr, en


def _adds_to(title: str, problem: str, data: str) -> bool:
    """Whether the data phrase says something the title does not, without a second
    "par" or "à partir de"."""
    words = set(_ascii_words(data))
    if data.startswith("par ") and " par " in title:
        return False
    if "partir" in data and "partir" in title:
        return False
    return not words & set(_ascii_words(title)) and data.split()[-1] not in problem


def _ascii_words(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).upper()
    return [w for w in re.findall(r"[A-Z]+", folded) if w.lower() not in _STOP]


def _syllables(word: str, count: int) -> str:
    """The first `count` syllables of a word: "CARDIAQUE", 2 → "CARDIA"."""
    found = re.match(rf"(?:[^AEIOUY]*[AEIOUY]+){{{count}}}", word)
    return found.group(0) if found else word


def pronounceable(word: str) -> bool:
    """No three consonants or three vowels in a row, 4 to 8 letters, ends well."""
    if not 4 <= len(word) <= 8 or not word.isalpha():
        return False
    runs = re.findall(r"[^AEIOUY]+|[AEIOUY]+", word)
    if any(len(run) > 2 for run in runs[1:]):
        return False
    if any(double in word for double in ("II", "UU", "YY", "AA")):
        return False
    return len(runs[0]) <= 2 and word[-1] not in "QJVHWCG"


def acronym_from(rng: random.Random, text: str, taken: set[str]) -> str:
    """A new acronym made of the syllables of the text's main words."""
    words = _ascii_words(text)[:5]
    candidates = []
    for first in words:
        for second in words:
            if first is second:
                continue
            for a, b in [(1, 1), (2, 1), (1, 2), (2, 2)]:
                candidates.append(_syllables(first, a) + _syllables(second, b))
    for first in words:
        candidates += [_syllables(first, 2) + "IA", _syllables(first, 3)]
    rng.shuffle(candidates)
    for word in candidates:
        # A word of the text, or its start, is a word, not an acronym.
        if any(source.startswith(word) for source in words) or word in UNFORTUNATE:
            continue
        if word not in taken and pronounceable(word):
            taken.add(word)
            return word
    for number in range(2, 100):
        word = f"{_syllables(words[0], 2)}{number}" if words else f"PROJET{number}"
        if word not in taken:
            taken.add(word)
            return word
    raise RuntimeError("no acronym left")
