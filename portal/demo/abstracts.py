"""The abstracts of a demo project: French summary, English summary and description,
written from the same draws so that they state the same figures and the same aims."""

import random
import re

from portal.demo import texts
from portal.demo.data_uses import Figures, data_sentence, extra_sentence
from portal.demo.topics import Topic

_CONTRACTIONS = [
    (re.compile(r"\bà le\b"), "au"),
    (re.compile(r"\bà les\b"), "aux"),
    (re.compile(r"\bde le\b"), "du"),
    (re.compile(r"\bde les\b"), "des"),
]
# The governance sentence that speaks of the SNDS (texts.GOVERNANCE[0]).
SNDS_GOVERNANCE = 0


def french(text: str) -> str:
    """ "aide à le dépistage" → "aide au dépistage"."""
    for pattern, contracted in _CONTRACTIONS:
        text = pattern.sub(contracted, text)
    return text


def abstracts(
    rng: random.Random,
    *,
    topic: Topic,
    family: str,
    datasets: list[str],
    figures: Figures,
) -> tuple[str, str, str]:
    """(summary, English summary, description) of one project."""
    context_fr, context_en, _problems = texts.DOMAINS[topic.domain]
    _t_fr, _t_en, method_fr, method_en, _children = texts.TECHNIQUES[family]
    objective_fr, objective_en = rng.choice(texts.OBJECTIVES)
    result_fr, result_en = rng.choice(texts.RESULTS)
    main, extras = datasets[0], datasets[1:]
    data_fr = " ".join(
        [data_sentence(main, figures, False)]
        + [extra_sentence(name, False) for name in extras]
    )
    objective_fr = french(objective_fr.format(problem=topic.problem_fr))
    objective_en = objective_en.format(problem=topic.problem_en)
    summary = " ".join(
        [context_fr, objective_fr, method_fr, data_sentence(main, figures, False)]
        + [result_fr]
    )
    summary_en = " ".join(
        [context_en, objective_en, method_en, data_sentence(main, figures, True)]
        + [result_en]
    )
    governance = [
        index
        for index in range(len(texts.GOVERNANCE))
        if index != SNDS_GOVERNANCE or "SNDS" in datasets
    ]
    description = (
        f"<p>{context_fr} {objective_fr}</p><p>{method_fr} {data_fr}</p>"
        f"<p>{texts.GOVERNANCE[rng.choice(governance)]}</p>"
    )
    return summary, summary_en, description
