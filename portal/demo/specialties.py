"""The specialties of the fictional teams: a technique family and one or two medical
domains each, and the kinds of data the family works on.

Teams are built in this order (team i takes specialty i modulo the list), and the
hand-labelled matching needs (bench/data/matching_labelled.yaml) group the teams by it:
keep the order, or rewrite the groups there.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Specialty:
    name: str
    tags: tuple[str, ...]
    techniques: tuple[str, ...]  # Technique slugs, the main one first
    # One entry per team of this specialty (a city's team may lean to another domain).
    domain_variants: tuple[tuple[str, ...], ...]
    modalities: tuple[str, ...]  # topics' modalities the team can lead
    kinds: tuple[str, ...]


def _s(name, tags, techniques, variants, modalities, kinds) -> Specialty:
    return Specialty(
        name,
        tuple(tags),
        tuple(techniques),
        tuple(tuple(v) for v in variants),
        tuple(modalities),
        tuple(kinds),
    )


SPECIALTIES = [
    _s(
        "Imagerie biomédicale et apprentissage",
        ["imagerie médicale", "segmentation"],
        ["vision", "apprentissage-profond"],
        [["radiologie", "oncologie"], ["radiologie", "cardiologie"], ["radiologie"]],
        ["imaging"],
        ["project_team", "umr"],
    ),
    _s(
        "Modélisation cardiovasculaire",
        ["cardiologie", "modélisation", "ECG"],
        ["jumeaux-numeriques", "series-temporelles"],
        [["cardiologie"], ["cardiologie", "urgences"], ["cardiologie"]],
        ["signals", "imaging"],
        ["project_team", "umr"],
    ),
    _s(
        "Épidémiologie et biostatistique",
        ["épidémiologie", "biostatistique", "SNDS"],
        ["inference-causale", "apprentissage-statistique"],
        [
            ["sante-publique", "cardiologie"],
            ["sante-publique", "endocrinologie"],
            ["sante-publique", "psychiatrie"],
        ],
        ["claims", "deaths", "cohort"],
        ["inserm_unit", "umr"],
    ),
    _s(
        "Traitement automatique des langues médicales",
        ["TAL", "terminologies"],
        ["tal"],
        [
            ["psychiatrie", "urgences"],
            ["maladies-rares", "oncologie"],
            ["infectiologie", "urgences"],
        ],
        ["notes"],
        ["project_team", "umr"],
    ),
    _s(
        "Neuro-imagerie computationnelle",
        ["neuro-imagerie", "IRM"],
        ["vision", "apprentissage-profond"],
        [["neurologie"], ["neurologie", "psychiatrie"], ["neurologie"]],
        ["imaging"],
        ["laboratory", "umr"],
    ),
    _s(
        "Oncologie computationnelle",
        ["oncologie", "génomique", "pathologie numérique"],
        ["apprentissage-profond", "graphes"],
        [
            ["oncologie", "anatomopathologie"],
            ["anatomopathologie", "oncologie"],
            ["oncologie"],
        ],
        ["pathology", "genomics"],
        ["inserm_unit", "umr"],
    ),
    _s(
        "Signaux physiologiques et santé",
        ["signal", "capteurs", "EEG"],
        ["series-temporelles"],
        [["neurologie"], ["urgences"], ["cardiologie"]],
        ["signals"],
        ["umr"],
    ),
    _s(
        "Apprentissage statistique pour la santé",
        ["statistique", "survie", "équité"],
        ["apprentissage-statistique", "ia-explicable"],
        [["nephrologie", "geriatrie"], ["oncologie", "nephrologie"], ["geriatrie"]],
        ["ehr", "claims", "registry"],
        ["project_team"],
    ),
    _s(
        "Données de santé et confidentialité",
        ["apprentissage fédéré", "vie privée"],
        ["apprentissage-federe"],
        [["radiologie", "oncologie"], ["oncologie"], ["cardiologie"]],
        ["imaging", "ehr"],
        ["laboratory", "project_team"],
    ),
    _s(
        "Aide à la décision clinique",
        ["décision clinique", "connaissances"],
        ["ia-symbolique", "apprentissage-par-renforcement"],
        [["infectiologie"], ["geriatrie", "urgences"], ["infectiologie", "urgences"]],
        ["ehr"],
        ["umr", "clinical"],
    ),
    _s(
        "Génomique et maladies rares",
        ["génomique", "bioinformatique"],
        ["graphes", "apprentissage-statistique"],
        [
            ["maladies-rares", "pediatrie"],
            ["maladies-rares"],
            ["pediatrie", "maladies-rares"],
        ],
        ["genomics"],
        ["inserm_unit"],
    ),
    _s(
        "Imagerie de la rétine",
        ["OCT", "rétine"],
        ["vision", "apprentissage-profond"],
        [["ophtalmologie", "endocrinologie"], ["ophtalmologie"], ["ophtalmologie"]],
        ["eye"],
        ["clinical", "umr"],
    ),
    _s(
        "Dermatologie numérique",
        ["dermoscopie", "télédermatologie"],
        ["vision"],
        [["dermatologie"]],
        ["skin"],
        ["clinical"],
    ),
    _s(
        "Chirurgie assistée par ordinateur",
        ["robotique", "vidéo chirurgicale"],
        ["vision", "apprentissage-par-renforcement"],
        [["chirurgie"]],
        ["video", "ehr"],
        ["laboratory", "umr"],
    ),
    _s(
        "Médecine intensive et urgences",
        ["réanimation", "monitorage"],
        ["series-temporelles", "apprentissage-statistique"],
        [["urgences", "infectiologie"], ["urgences"]],
        ["signals", "ehr"],
        ["clinical"],
    ),
    _s(
        "Santé respiratoire",
        ["pneumologie", "scanner thoracique"],
        ["vision", "series-temporelles"],
        [["pneumologie"]],
        ["imaging", "signals"],
        ["clinical", "inserm_unit"],
    ),
    _s(
        "Périnatalité et santé de l’enfant",
        ["périnatalité", "cohortes"],
        ["apprentissage-statistique"],
        [["pediatrie"]],
        ["cohort", "ehr", "claims"],
        ["inserm_unit"],
    ),
    _s(
        "Santé mentale numérique",
        ["psychiatrie", "phénotypage numérique"],
        ["tal", "series-temporelles"],
        [["psychiatrie"]],
        ["notes", "signals"],
        ["umr"],
    ),
]

# What each technique family can work on, for a partner bringing a missing technique.
TECHNIQUE_MODALITIES = {
    "vision": {"imaging", "eye", "skin", "pathology", "video"},
    "apprentissage-profond": {
        "imaging",
        "eye",
        "skin",
        "pathology",
        "video",
        "signals",
    },
    "tal": {"notes"},
    "series-temporelles": {"signals"},
    "inference-causale": {"claims", "cohort", "deaths"},
    "apprentissage-statistique": {"ehr", "claims", "cohort", "registry", "genomics"},
    "apprentissage-federe": {"imaging", "ehr"},
    "graphes": {"genomics", "pathology"},
    "jumeaux-numeriques": {"signals", "imaging"},
    "ia-explicable": {"ehr", "claims"},
    "ia-symbolique": {"ehr"},
    "apprentissage-par-renforcement": {"ehr", "video"},
}
