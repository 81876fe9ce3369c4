"""The technical terms the public pages show, explained once.

The glossary page lists them; the `glossary_term` tag puts the short definition in
a DSFR tooltip beside the term and links to its entry, so both always agree.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Term:
    slug: str
    name: Promise
    short: Promise
    long: Promise


TERMS = (
    Term(
        "trl",
        _("TRL (niveau de maturité technologique)"),
        _("Maturité d’une technologie, de 1 (principe observé) à 9 (en usage réel)."),
        _(
            "L’échelle TRL (Technology Readiness Level) va de 1 à 9. De 1 à 3, "
            "c’est de la recherche : une idée, une preuve de concept. De 4 à 6, "
            "l’outil est validé sur des données puis dans un environnement proche "
            "du soin. À 7 et 8, il est testé puis qualifié en conditions réelles "
            "(TRL 8 : système complet et validé). À 9, il est utilisé en routine."
        ),
    ),
    Term(
        "classe-ce",
        _("Classe de dispositif médical (marquage CE)"),
        _("Niveau de risque d’un dispositif médical en Europe : I, IIa, IIb ou III."),
        _(
            "Un logiciel qui aide à diagnostiquer ou à traiter est un dispositif "
            "médical : il doit porter le marquage CE pour être mis sur le marché. "
            "Le règlement européen 2017/745 le range dans une classe selon le "
            "risque pour le patient : I (faible), IIa, IIb, puis III (le plus "
            "élevé, par exemple un logiciel qui décide d’un traitement vital). "
            "Plus la classe est haute, plus l’évaluation par un organisme notifié "
            "est exigeante."
        ),
    ),
    Term(
        "ai-act",
        _("AI Act : niveau de risque"),
        _(
            "Catégorie du règlement européen sur l’IA ; « haut risque » impose des "
            "obligations strictes."
        ),
        _(
            "Le règlement européen sur l’intelligence artificielle (AI Act, "
            "2024/1689) classe les systèmes d’IA par risque : inacceptable "
            "(interdit), haut risque, risque limité (obligation de transparence) "
            "ou minimal. Une IA médicale soumise au marquage CE est en général à "
            "haut risque : gestion des risques, qualité des données, "
            "documentation, contrôle humain et surveillance après mise sur le "
            "marché sont obligatoires."
        ),
    ),
    Term(
        "notes-evaluation",
        _("Notes d’évaluation sur 100"),
        _(
            "Sept notes de 0 à 100 données par l’INESIA, une par critère ; "
            "100 est le meilleur résultat."
        ),
        _(
            "Une évaluation INESIA note une version d’un modèle sur sept critères "
            ": robustesse, biais et équité, explicabilité, protection de la vie "
            "privée, cybersécurité, validité clinique et documentation. Chaque "
            "note va de 0 à 100 ; elles ne s’additionnent pas. L’avis final "
            "(favorable, favorable avec réserves, défavorable) tient compte de "
            "l’ensemble et du contexte clinique."
        ),
    ),
)

TERMS_BY_SLUG = {term.slug: term for term in TERMS}
