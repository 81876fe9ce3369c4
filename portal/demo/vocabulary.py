"""Words the fictional teams and people are made of: themes, names, job titles."""

# Theme: (team name, expertise tags, domain slugs, technique slugs, team kinds).
THEMES = [
    (
        "Imagerie biomédicale et apprentissage",
        ["imagerie médicale", "segmentation"],
        ["radiologie", "oncologie", "neurologie"],
        ["apprentissage-profond", "vision"],
        ["project_team", "umr"],
    ),
    (
        "Modélisation cardiovasculaire",
        ["cardiologie", "modélisation", "ECG"],
        ["cardiologie"],
        ["jumeaux-numeriques", "series-temporelles"],
        ["project_team", "umr"],
    ),
    (
        "Épidémiologie et biostatistique",
        ["épidémiologie", "biostatistique", "SNDS"],
        ["sante-publique", "endocrinologie", "cardiologie"],
        ["inference-causale", "apprentissage-statistique"],
        ["inserm_unit", "umr"],
    ),
    (
        "Traitement automatique des langues médicales",
        ["TAL", "terminologies"],
        ["psychiatrie", "urgences", "maladies-rares"],
        ["tal"],
        ["project_team", "umr"],
    ),
    (
        "Neuro-imagerie computationnelle",
        ["neuro-imagerie", "IRM"],
        ["neurologie", "psychiatrie"],
        ["apprentissage-profond", "vision"],
        ["laboratory", "umr"],
    ),
    (
        "Oncologie computationnelle",
        ["oncologie", "génomique", "pathologie numérique"],
        ["oncologie", "anatomopathologie"],
        ["apprentissage-profond", "graphes"],
        ["inserm_unit", "umr"],
    ),
    (
        "Signaux physiologiques et santé",
        ["signal", "capteurs", "EEG"],
        ["urgences", "neurologie", "cardiologie"],
        ["series-temporelles"],
        ["umr"],
    ),
    (
        "Apprentissage statistique pour la santé",
        ["statistique", "survie", "équité"],
        ["nephrologie", "geriatrie", "oncologie"],
        ["apprentissage-statistique", "ia-explicable"],
        ["project_team"],
    ),
    (
        "Données de santé et confidentialité",
        ["apprentissage fédéré", "vie privée"],
        ["sante-publique", "radiologie"],
        ["apprentissage-federe"],
        ["laboratory", "project_team"],
    ),
    (
        "Aide à la décision clinique",
        ["décision clinique", "connaissances"],
        ["infectiologie", "geriatrie", "urgences"],
        ["ia-symbolique", "apprentissage-par-renforcement"],
        ["umr", "clinical"],
    ),
    (
        "Génomique et maladies rares",
        ["génomique", "bioinformatique"],
        ["maladies-rares", "pediatrie"],
        ["graphes", "apprentissage-statistique"],
        ["inserm_unit"],
    ),
    (
        "Imagerie de la rétine",
        ["OCT", "rétine"],
        ["ophtalmologie", "endocrinologie"],
        ["vision", "apprentissage-profond"],
        ["clinical", "umr"],
    ),
    (
        "Dermatologie numérique",
        ["dermoscopie", "télédermatologie"],
        ["dermatologie"],
        ["vision"],
        ["clinical"],
    ),
    (
        "Chirurgie assistée par ordinateur",
        ["robotique", "vidéo chirurgicale"],
        ["chirurgie"],
        ["vision", "apprentissage-par-renforcement"],
        ["laboratory", "umr"],
    ),
    (
        "Médecine intensive et urgences",
        ["réanimation", "monitorage"],
        ["urgences", "infectiologie"],
        ["series-temporelles", "apprentissage-statistique"],
        ["clinical"],
    ),
    (
        "Santé respiratoire",
        ["pneumologie", "scanner thoracique"],
        ["pneumologie"],
        ["vision", "series-temporelles"],
        ["clinical", "inserm_unit"],
    ),
    (
        "Périnatalité et santé de l’enfant",
        ["périnatalité", "cohortes"],
        ["pediatrie"],
        ["apprentissage-statistique"],
        ["inserm_unit"],
    ),
    (
        "Santé mentale numérique",
        ["psychiatrie", "phénotypage numérique"],
        ["psychiatrie"],
        ["tal", "series-temporelles"],
        ["umr"],
    ),
]

FIRST_NAMES = (
    "Camille Léa Manon Chloé Inès Sarah Julie Claire Élise Anne Marie Lucie Nadia "
    "Sophie Aïcha Hélène Pauline Mathilde Yasmine Laure Émilie Agathe Salomé Fatou "
    "Isabelle Thomas Nicolas Julien Antoine Hugo Lucas Mehdi Karim Paul Pierre Olivier "
    "Romain Maxime Baptiste Yanis Arnaud Vincent Sébastien Théo Louis Samuel Adrien "
    "Benoît Florian Jérôme Malik"
).split()
LAST_NAMES = (
    "Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon "
    "Laurent Lefebvre Michel Garcia David Bertrand Roux Vincent Fournier Morel Girard "
    "André Mercier Dupont Lambert Bonnet François Martinez Legrand Garnier Faure "
    "Rousseau Blanc Guérin Muller Henry Roussel Nicolas Perrin Morin Mathieu Clément "
    "Gauthier Dumont Lopez Fontaine Chevalier Robin Masson Sanchez Gérard Nguyen Boyer "
    "Denis Lemaire Duval Joly Gautier Roger Roche Roy Noël Meyer Lucas Meunier Jean "
    "Perez Marchand Dufour Blanchard Marie Barbier Brun Dumas Brunet Schmitt Leroux "
    "Colin Fernandez Benali Haddad Traoré Diallo Kaya Pham Tran Cohen Lévy Bouchard"
).split()
ROLE_TITLES = {
    "head": "Directeur·rice d’unité",
    "researcher": "Chargé·e de recherche",
    "professor": "Professeur·e des universités",
    "clinician": "Praticien·ne hospitalier",
    "engineer": "Ingénieur·e de recherche",
    "postdoc": "Chercheur·se post-doctoral·e",
    "phd": "Doctorant·e",
}
