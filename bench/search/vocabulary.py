"""Words the synthetic projects are made of: diseases and their domains, techniques,
places, institutes, datasets and names (the slugs are the seeded taxonomy's)."""

# (phrase after an objective, domain slug): the slugs are the seeded taxonomy's.
DISEASES = [
    ("de l’insuffisance cardiaque", "insuffisance-cardiaque"),
    ("de la fibrillation atriale", "troubles-du-rythme"),
    ("de l’infarctus du myocarde", "cardiologie"),
    ("de l’hypertension artérielle", "cardiologie"),
    ("du cancer du sein", "cancer-du-sein"),
    ("du cancer du poumon", "cancer-du-poumon"),
    ("du cancer colorectal", "cancers-digestifs"),
    ("du carcinome hépatocellulaire", "cancers-digestifs"),
    ("des leucémies aiguës", "hematologie"),
    ("des lymphomes", "hematologie"),
    ("de l’accident vasculaire cérébral (AVC)", "avc"),
    ("de la maladie d’Alzheimer", "maladies-neurodegeneratives"),
    ("de la maladie de Parkinson", "maladies-neurodegeneratives"),
    ("de l’épilepsie", "epilepsie"),
    ("de la sclérose en plaques", "sclerose-en-plaques"),
    ("de la dépression", "psychiatrie"),
    ("de la schizophrénie", "psychiatrie"),
    ("du diabète de type 2", "endocrinologie"),
    ("de la rétinopathie diabétique", "ophtalmologie"),
    ("de la DMLA", "ophtalmologie"),
    ("du glaucome", "ophtalmologie"),
    ("de la BPCO", "pneumologie"),
    ("de la pneumonie", "pneumologie"),
    ("de l’asthme sévère", "pneumologie"),
    ("du sepsis", "sepsis"),
    ("des infections à bactéries multirésistantes", "antibioresistance"),
    ("de la COVID-19", "infectiologie"),
    ("de l’insuffisance rénale chronique", "nephrologie"),
    ("du mélanome", "dermatologie"),
    ("du psoriasis", "dermatologie"),
    ("de la prématurité", "pediatrie"),
    ("des chutes de la personne âgée", "geriatrie"),
    ("de la fragilité du sujet âgé", "geriatrie"),
    ("de l’arrêt cardiaque extrahospitalier", "urgences"),
    ("du syndrome de détresse respiratoire aiguë", "urgences"),
    ("de la mucoviscidose", "maladies-rares"),
    ("de la drépanocytose", "maladies-rares"),
    ("des effets indésirables médicamenteux", "pharmacoepidemiologie"),
    ("des complications postopératoires", "chirurgie"),
    ("des nodules thyroïdiens", "radiologie"),
    ("des tumeurs cérébrales", "oncologie"),
    ("du cancer de la prostate", "oncologie"),
]
OBJECTIVES = [
    "Détection précoce",
    "Prédiction du risque",
    "Diagnostic automatisé",
    "Pronostic",
    "Suivi à domicile",
    "Stratification des patients",
    "Dépistage",
    "Aide à la décision thérapeutique dans la prise en charge",
    "Prédiction de la mortalité",
    "Prédiction des réhospitalisations",
    "Caractérisation",
    "Quantification de la sévérité",
]
MODALITIES = [
    "par IRM",
    "sur scanner thoracique",
    "à partir de l’électrocardiogramme (ECG)",
    "sur images de fond d’œil",
    "par échographie",
    "sur lames numérisées d’anatomopathologie",
    "à partir des comptes rendus médicaux",
    "sur radiographies thoraciques",
    "à partir de l’EEG",
    "par dermatoscopie",
    "sur mammographies",
    "par TEP-scanner",
    "à partir de capteurs connectés",
    "à partir de données génomiques",
    "à partir du dossier patient informatisé",
    "par tomographie par cohérence optique (OCT)",
    "à partir de la voix",
    "sur vidéos d’endoscopie",
]
# (phrase, technique slug)
TECHNIQUES = [
    ("par apprentissage profond", "apprentissage-profond"),
    ("par réseaux de neurones convolutifs", "reseaux-convolutifs"),
    ("fondé sur des transformers", "transformers"),
    ("par modèles génératifs", "modeles-generatifs"),
    ("par forêts aléatoires et gradient boosting", "methodes-ensemblistes"),
    ("par modèles de survie", "modeles-de-survie"),
    ("par traitement automatique des langues", "tal"),
    ("fondé sur de grands modèles de langage (LLM)", "grands-modeles-de-langage"),
    ("par vision par ordinateur", "vision"),
    ("par segmentation automatique", "segmentation"),
    ("par apprentissage fédéré multicentrique", "apprentissage-federe"),
    ("par inférence causale", "inference-causale"),
    ("par apprentissage par renforcement", "apprentissage-par-renforcement"),
    ("par analyse de séries temporelles", "series-temporelles"),
    ("par réseaux de neurones sur graphes", "graphes"),
    ("explicable (XAI)", "ia-explicable"),
    ("de type jumeau numérique", "jumeaux-numeriques"),
    ("à base de règles expertes", "ia-symbolique"),
]
POPULATIONS = [
    "les adultes hospitalisés",
    "les enfants de moins de 5 ans",
    "les personnes âgées de plus de 75 ans",
    "les patients suivis en ville",
    "les femmes enceintes",
    "les patients admis aux urgences",
    "les patients de réanimation",
    "les patients atteints de maladies chroniques",
]
OUTCOMES = [
    "Le modèle est validé sur une cohorte externe et comparé aux pratiques actuelles.",
    "L’objectif est de réduire les délais diagnostiques.",
    "Une étude prospective multicentrique évaluera l’impact clinique.",
    "Les prédictions seront intégrées au dossier patient.",
    "Un outil d’aide à la décision sera proposé aux cliniciens.",
    "La robustesse est évaluée entre établissements et entre populations.",
    "Le code et les poids du modèle seront publiés sous licence libre.",
    "L’équité du modèle entre sous-groupes de patients est mesurée.",
]
CITIES = [
    "Paris", "Lyon", "Marseille", "Toulouse", "Bordeaux", "Lille", "Nantes",
    "Strasbourg", "Montpellier", "Rennes", "Grenoble", "Nice", "Rouen", "Brest",
    "Tours", "Dijon", "Clermont-Ferrand", "Nancy", "Reims", "Angers", "Caen",
    "Poitiers", "Limoges", "Besançon", "Amiens", "Saint-Étienne", "Nîmes", "Metz",
]  # fmt: skip
INSTITUTES = [
    ("Institut national de la santé et de la recherche médicale", "Inserm"),
    ("Centre national de la recherche scientifique", "CNRS"),
    ("Institut national de recherche en informatique et en automatique", "Inria"),
    ("Commissariat à l’énergie atomique et aux énergies alternatives", "CEA"),
    ("Institut de recherche pour le développement", "IRD"),
    ("Institut Pasteur", ""),
]
# (acronym, name, kind)
DATASETS = [
    ("SNDS", "Système national des données de santé", "claims"),
    ("PMSI", "Programme de médicalisation des systèmes d’information", "claims"),
    ("EDS AP-HP", "Entrepôt de données de santé de l’AP-HP", "warehouse"),
    ("Constances", "Cohorte Constances", "cohort"),
    ("CépiDc", "Causes médicales de décès", "registry"),
    ("E3N", "Cohorte E3N des femmes de la MGEN", "cohort"),
    ("ELFE", "Étude longitudinale française depuis l’enfance", "cohort"),
    ("Memento", "Cohorte Memento sur les troubles cognitifs", "cohort"),
    ("OFSEP", "Observatoire français de la sclérose en plaques", "registry"),
    ("REIN", "Réseau épidémiologie et information en néphrologie", "registry"),
    ("UK Biobank", "UK Biobank", "cohort"),
    ("MIMIC-IV", "Medical Information Mart for Intensive Care", "warehouse"),
    ("TCGA", "The Cancer Genome Atlas", "omics"),
    ("CONSTANCES-IRM", "Imagerie cérébrale de la cohorte Constances", "imaging"),
]
FIRST_NAMES = (
    "Camille Léa Manon Chloé Inès Sarah Emma Lucie Julie Claire Anne Sophie Marie "
    "Thomas Nicolas Julien Pierre Antoine Hugo Louis Paul Mathieu Karim Mehdi Yann"
).split()
LAST_NAMES = (
    "Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon "
    "Laurent Lefebvre Michel Garcia David Bertrand Roux Vincent Fournier Morel "
    "Girard André Mercier Dupont Lambert Bonnet François Martinez Benali Nguyen"
).split()
SYLLABLES = "ca di neu ro pul mo on co vi sa la te ri ma no ga zo lu be ta".split()
ACRONYM_TAILS = ["IA", "NET", "PRED", "SCAN", "LEARN", "DX", "CARE", "TWIN", "AI"]
