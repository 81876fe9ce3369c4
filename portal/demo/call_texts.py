"""The words of the demo calls for collaboration: openings, asks by kind, offers.

{team}, {city}, {specialty}, {domain}, {technique} and {dataset} are filled in from the
calling team and what it lacks; each call draws its own sentences.
"""

OPENINGS = [
    "L’équipe {team} ({city}) travaille en {specialty}.",
    "À {city}, notre équipe {team} travaille sur le thème « {specialty} ».",
    "Spécialistes du thème « {specialty} », nous préparons un nouveau projet.",
    "{team} est une équipe de {city} ; son cœur de métier : « {specialty} ».",
    "Nous sommes une équipe mixte de {city} ({team}), thème « {specialty} ».",
    "Après un premier projet en {specialty}, l’équipe {team} élargit son champ.",
    "Notre groupe, basé à {city}, associe chercheurs et cliniciens en {specialty}.",
    "L’équipe {team} ouvre un nouvel axe de travail à partir de {city}.",
    "Depuis {city}, {team} développe des outils pour l’hôpital (« {specialty} »).",
    "Issue d’une unité mixte de {city}, l’équipe {team} cherche à se renforcer.",
    "Nous menons à {city} des travaux financés jusqu’en 2028 (« {specialty} »).",
    "L’équipe {team} lance une réponse à l’appel à projets générique de l’ANR.",
    "Un consortium se monte autour de l’équipe {team}, à {city}.",
    "Dans le cadre du PEPR Santé numérique, {team} prépare une candidature.",
]
# Kind → [(title, ask)].
ASKS = {
    "clinical": [
        (
            "Partenaire clinique recherché : {domain}",
            "Il nous manque un service clinique en {domain} pour constituer une "
            "cohorte annotée et valider nos modèles au lit du patient.",
        ),
        (
            "Service hospitalier en {domain} pour une étude prospective",
            "Nous cherchons des cliniciens en {domain} prêts à co-construire une "
            "étude prospective et à définir avec nous les critères de succès.",
        ),
        (
            "Cliniciens en {domain} pour annoter des données",
            "Nous avons besoin d’experts en {domain} pour annoter un jeu de "
            "validation et relire les erreurs du modèle.",
        ),
        (
            "Équipe clinique en {domain} pour un essai pilote",
            "Un service en {domain} accueillerait le prototype pendant six mois ; "
            "le protocole reste à écrire ensemble.",
        ),
    ],
    "method": [
        (
            "Expertise recherchée en {technique}",
            "Pour un projet en {domain}, nous cherchons une équipe maîtrisant "
            "{technique}, pour co-encadrer une thèse.",
        ),
        (
            "Co-encadrement d’une thèse en {technique}",
            "Une bourse de thèse est acquise ; il nous faut un co-directeur versé en "
            "{technique} (sujet : {domain}).",
        ),
        (
            "Méthodologistes en {technique} bienvenus",
            "Nos premiers résultats en {domain} butent sur des questions de "
            "{technique} que nous ne savons pas traiter seuls.",
        ),
        (
            "Collaboration en {technique} pour un article commun",
            "Nous voulons comparer notre approche à l’état de l’art en {technique} "
            "sur des données cliniques ({domain}).",
        ),
    ],
    "data": [
        (
            "Équipe ayant l’expérience des données {dataset} recherchée",
            "Nous préparons une demande d’accès aux données {dataset} et cherchons "
            "une équipe qui les a déjà exploitées ({domain}).",
        ),
        (
            "Retour d’expérience sur les données {dataset}",
            "Avant de déposer un dossier, nous aimerions l’avis d’une équipe rompue "
            "aux données {dataset}, notamment en {domain}.",
        ),
        (
            "Appui pour un dossier d’accès aux données {dataset}",
            "Le montage réglementaire d’un accès aux données {dataset} nous est "
            "nouveau : une équipe expérimentée nous ferait gagner des mois.",
        ),
        (
            "Partenaire pour exploiter les données {dataset}",
            "Nos modèles doivent être confrontés aux données {dataset} ; nous "
            "cherchons une équipe qui en connaît les pièges ({domain}).",
        ),
    ],
}
OFFERS = [
    "Nous apportons le financement d’un post-doctorat de deux ans.",
    "Les frais de mission et de calcul sont couverts par le projet.",
    "Une réunion de lancement est prévue au printemps.",
    "Les publications seront cosignées et le code publié sous licence libre.",
    "Un contrat de collaboration type est déjà validé par nos tutelles.",
    "Nous mettons à disposition notre infrastructure de calcul sécurisée.",
    "Un premier échange en visioconférence suffit pour commencer.",
    "Une demande de financement commune sera déposée à l’automne.",
    "Nous pouvons accueillir un ou une stagiaire de master dès l’an prochain.",
    "Le projet a déjà reçu l’accord du comité éthique de l’établissement.",
    "Le calendrier est souple : la collaboration peut démarrer dans l’année.",
    "Nous partageons volontiers nos jeux de validation annotés.",
    "Une journée de travail commune peut être organisée dans nos locaux.",
    "La valorisation éventuelle serait partagée à parts égales.",
]
