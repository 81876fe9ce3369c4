"""Building blocks of the demo projects' titles and abstracts, in French and English.

Each medical domain brings a context and a few clinical problems, each AI technique a
method, each kind of dataset a data sentence; abstracts are composed from them so that
no two read the same, the way real abstracts share a shape but not their sentences.
"""

from portal.demo.domain_texts import DOMAINS

__all__ = ["DOMAINS"]

# Technique slug → (title phrase FR, EN, method sentence FR, EN, children slugs).
TECHNIQUES = {
    "apprentissage-profond": (
        "Apprentissage profond",
        "Deep learning",
        "Nous entraînons des réseaux de neurones profonds, pré-entraînés puis affinés "
        "sur les données cliniques, avec une attention particulière à la calibration.",
        "We train deep neural networks, pre-trained then fine-tuned on clinical data, "
        "with particular attention to calibration.",
        ["reseaux-convolutifs", "transformers", "modeles-generatifs"],
    ),
    "apprentissage-statistique": (
        "Apprentissage statistique",
        "Machine learning",
        "Des modèles de boosting et de survie sont comparés aux scores cliniques de "
        "référence par validation croisée répétée.",
        "Boosting and survival models are compared with reference clinical scores by "
        "repeated cross-validation.",
        ["methodes-ensemblistes", "modeles-de-survie"],
    ),
    "tal": (
        "Traitement automatique des comptes rendus",
        "Natural language processing",
        "Les comptes rendus cliniques sont analysés par des modèles de langue adaptés "
        "au français médical, après pseudonymisation automatique.",
        "Clinical reports are analysed with language models adapted to French medical "
        "text, after automatic pseudonymisation.",
        ["grands-modeles-de-langage"],
    ),
    "vision": (
        "Vision par ordinateur",
        "Computer vision",
        "Les images sont segmentées automatiquement et des descripteurs quantitatifs "
        "en sont extraits pour alimenter le modèle prédictif.",
        "Images are segmented automatically and quantitative descriptors are extracted "
        "to feed the predictive model.",
        ["segmentation"],
    ),
    "apprentissage-federe": (
        "Apprentissage fédéré",
        "Federated learning",
        "Le modèle est entraîné de manière fédérée : les données ne quittent jamais "
        "les établissements, seuls les paramètres sont agrégés.",
        "The model is trained in a federated way: data never leave the hospitals, only "
        "parameters are aggregated.",
        [],
    ),
    "inference-causale": (
        "Inférence causale",
        "Causal inference",
        "Des méthodes d’inférence causale (émulation d’essai cible, doubles robustes) "
        "estiment l’effet des stratégies thérapeutiques.",
        "Causal inference methods (target trial emulation, doubly robust estimators) "
        "estimate the effect of treatment strategies.",
        [],
    ),
    "apprentissage-par-renforcement": (
        "Apprentissage par renforcement",
        "Reinforcement learning",
        "Une politique de décision est apprise par renforcement hors ligne à partir "
        "des trajectoires de soins observées.",
        "A decision policy is learnt by offline reinforcement learning from observed "
        "care trajectories.",
        [],
    ),
    "series-temporelles": (
        "Analyse de signaux physiologiques",
        "Physiological signal analysis",
        "Les signaux physiologiques continus sont modélisés par des réseaux temporels "
        "capables de gérer les données manquantes.",
        "Continuous physiological signals are modelled with temporal networks that "
        "handle missing data.",
        [],
    ),
    "graphes": (
        "Apprentissage sur graphes",
        "Graph learning",
        "Les parcours et les interactions sont représentés par des graphes de "
        "connaissances exploités par des réseaux de neurones sur graphes.",
        "Pathways and interactions are represented as knowledge graphs exploited by "
        "graph neural networks.",
        [],
    ),
    "ia-explicable": (
        "IA explicable",
        "Explainable AI",
        "Chaque prédiction est accompagnée d’une explication locale évaluée avec les "
        "cliniciens pour sa pertinence.",
        "Each prediction comes with a local explanation assessed with clinicians for "
        "its relevance.",
        [],
    ),
    "jumeaux-numeriques": (
        "Jumeau numérique",
        "Digital twin",
        "Un jumeau numérique couple un modèle mécaniste personnalisé à un "
        "apprentissage des paramètres sur les données du patient.",
        "A digital twin couples a personalised mechanistic model with parameters "
        "learnt from the patient’s data.",
        [],
    ),
    "ia-symbolique": (
        "Système d’aide à la décision à base de connaissances",
        "Knowledge-based decision support",
        "Les recommandations de bonne pratique sont formalisées en règles et combinées "
        "à un apprentissage statistique.",
        "Clinical guidelines are formalised as rules and combined with statistical "
        "learning.",
        [],
    ),
}

OBJECTIVES = [
    (
        "Ce projet vise à développer et valider un outil d’aide à {problem}.",
        "This project aims to develop and validate a tool supporting {problem}.",
    ),
    (
        "L’objectif est de concevoir un modèle prédictif fiable pour {problem}.",
        "The objective is to design a reliable predictive model for {problem}.",
    ),
    (
        "Nous proposons une approche nouvelle pour {problem}, intégrable au parcours "
        "de soins.",
        "We propose a new approach to {problem} that fits into the care pathway.",
    ),
    (
        "Le projet étudie dans quelle mesure l’IA peut améliorer {problem}.",
        "The project studies how far AI can improve {problem}.",
    ),
]

RESULTS = [
    (
        "Les résultats attendus sont un modèle validé sur une cohorte externe et un "
        "protocole d’étude prospective.",
        "Expected results are a model validated on an external cohort and a protocol "
        "for a prospective study.",
    ),
    (
        "Le projet livrera un prototype évalué en conditions réelles dans deux "
        "services hospitaliers.",
        "The project will deliver a prototype assessed in real conditions in two "
        "hospital departments.",
    ),
    (
        "Nous attendons une amélioration de la sensibilité d’au moins dix points par "
        "rapport aux pratiques actuelles.",
        "We expect sensitivity to improve by at least ten points over current "
        "practice.",
    ),
    (
        "Le code et les modèles seront diffusés sous licence libre, avec une "
        "documentation destinée aux équipes cliniques.",
        "Code and models will be released under an open licence, with documentation "
        "for clinical teams.",
    ),
    (
        "L’équité du modèle entre sous-groupes de patients sera mesurée et publiée.",
        "The model’s fairness across patient subgroups will be measured and published.",
    ),
]

GOVERNANCE = [
    "Les données sont traitées dans un environnement sécurisé conforme au référentiel "
    "de sécurité du SNDS ; aucune donnée nominative ne quitte l’établissement.",
    "Le projet a reçu l’avis favorable du comité scientifique et éthique compétent ; "
    "une information des patients est assurée par l’établissement.",
    "Un comité de patients est associé à la définition des critères de succès et à la "
    "diffusion des résultats.",
    "Une analyse d’impact relative à la protection des données (AIPD) a été réalisée "
    "avec le délégué à la protection des données.",
]

PUBLICATION_TITLES = [
    "A multicentre evaluation of {technique} for {problem}",
    "{technique} for {problem}: a retrospective study",
    "External validation of a model for {problem}",
    "Fairness and calibration of {technique} models for {problem}",
]

EVALUATION_SUMMARIES = {
    "favourable": (
        "Le système atteint les performances annoncées ; la documentation et la "
        "traçabilité sont satisfaisantes. Point fort : le critère « {best} »."
    ),
    "reserved": (
        "Les performances sont conformes mais des réserves portent sur le critère « "
        "{worst} » ; des mesures correctives sont demandées avant un déploiement "
        "élargi."
    ),
    "unfavourable": (
        "Des écarts significatifs sont constatés, en particulier sur le critère « "
        "{worst} » ; une nouvelle version devra être soumise."
    ),
}
