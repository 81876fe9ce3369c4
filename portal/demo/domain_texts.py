"""The medical domains' building blocks of the demo abstracts: a context and problems.

Each problem may name the Domain subterm (projects/data/taxonomies.json) it falls under.
"""

# Domain slug → (context FR, context EN, [(problem FR, EN, subdomain, keywords)]).
DOMAINS = {
    "cardiologie": (
        "Les maladies cardiovasculaires restent la deuxième cause de mortalité en "
        "France et l’insuffisance cardiaque concerne plus d’un million de personnes.",
        "Cardiovascular diseases remain the second cause of death in France and heart "
        "failure affects more than a million people.",
        [
            (
                "la détection précoce de l’insuffisance cardiaque",
                "early detection of heart failure",
                "insuffisance-cardiaque",
                ["insuffisance cardiaque", "échocardiographie"],
            ),
            (
                "le dépistage de la fibrillation atriale sur ECG",
                "atrial fibrillation screening on ECG",
                "troubles-du-rythme",
                ["fibrillation atriale", "ECG"],
            ),
            (
                "la prédiction des réhospitalisations après infarctus",
                "prediction of readmission after myocardial infarction",
                None,
                ["infarctus", "réhospitalisation"],
            ),
        ],
    ),
    "oncologie": (
        "Le cancer est la première cause de mortalité en France, avec près de 430 000 "
        "nouveaux cas par an.",
        "Cancer is the leading cause of death in France, with about 430,000 new cases "
        "a year.",
        [
            (
                "la prédiction de la réponse à la chimiothérapie néoadjuvante du "
                "cancer du sein",
                "prediction of response to neoadjuvant chemotherapy in breast cancer",
                "cancer-du-sein",
                ["cancer du sein", "réponse thérapeutique"],
            ),
            (
                "la caractérisation des nodules pulmonaires au scanner",
                "characterisation of lung nodules on CT",
                "cancer-du-poumon",
                ["nodule pulmonaire", "scanner thoracique"],
            ),
            (
                "le pronostic des cancers colorectaux à partir des lames histologiques",
                "prognosis of colorectal cancer from histology slides",
                "cancers-digestifs",
                ["cancer colorectal", "pathologie numérique"],
            ),
            (
                "la prédiction des rechutes des leucémies aiguës",
                "prediction of relapse in acute leukaemia",
                "hematologie",
                ["leucémie", "rechute"],
            ),
        ],
    ),
    "neurologie": (
        "Les maladies neurologiques touchent un Français sur six et leur diagnostic "
        "repose souvent sur des signes tardifs.",
        "Neurological diseases affect one French person in six and are often diagnosed "
        "late.",
        [
            (
                "le triage des AVC ischémiques en phase aiguë",
                "triage of acute ischaemic stroke",
                "avc",
                ["AVC", "IRM de diffusion"],
            ),
            (
                "le diagnostic précoce de la maladie d’Alzheimer",
                "early diagnosis of Alzheimer’s disease",
                "maladies-neurodegeneratives",
                ["maladie d’Alzheimer", "biomarqueurs"],
            ),
            (
                "la prédiction des crises d’épilepsie à partir de l’EEG",
                "seizure forecasting from EEG",
                "epilepsie",
                ["épilepsie", "EEG"],
            ),
            (
                "le suivi de l’activité de la sclérose en plaques en IRM",
                "monitoring multiple sclerosis activity on MRI",
                "sclerose-en-plaques",
                ["sclérose en plaques", "IRM"],
            ),
        ],
    ),
    "psychiatrie": (
        "Les troubles psychiques concernent une personne sur cinq chaque année et le "
        "délai diagnostique reste long.",
        "Mental disorders affect one person in five every year and diagnostic delays "
        "remain long.",
        [
            (
                "le repérage du risque suicidaire après un passage aux urgences",
                "identification of suicide risk after an emergency visit",
                None,
                ["risque suicidaire", "prévention"],
            ),
            (
                "la prédiction des rechutes dépressives",
                "prediction of depressive relapse",
                None,
                ["dépression", "rechute"],
            ),
        ],
    ),
    "endocrinologie": (
        "Le diabète touche plus de quatre millions de personnes en France et ses "
        "complications pèsent lourdement sur le système de soins.",
        "Diabetes affects more than four million people in France and its "
        "complications weigh heavily on the health system.",
        [
            (
                "la prédiction des hypoglycémies chez les patients sous insuline",
                "prediction of hypoglycaemia in insulin-treated patients",
                None,
                ["diabète", "glycémie continue"],
            ),
            (
                "le dépistage de la rétinopathie diabétique",
                "diabetic retinopathy screening",
                None,
                ["rétinopathie diabétique", "fond d’œil"],
            ),
        ],
    ),
    "pneumologie": (
        "La BPCO et l’asthme sévère sont sous-diagnostiqués et leurs exacerbations "
        "entraînent de nombreuses hospitalisations.",
        "COPD and severe asthma are under-diagnosed and their exacerbations cause many "
        "hospital stays.",
        [
            (
                "l’anticipation des exacerbations de BPCO",
                "anticipation of COPD exacerbations",
                None,
                ["BPCO", "exacerbation"],
            ),
            (
                "la quantification de la fibrose pulmonaire au scanner",
                "quantification of pulmonary fibrosis on CT",
                None,
                ["fibrose pulmonaire", "scanner"],
            ),
        ],
    ),
    "infectiologie": (
        "L’antibiorésistance est responsable de plus de 5 000 décès par an en France "
        "et le sepsis reste une urgence vitale.",
        "Antimicrobial resistance causes more than 5,000 deaths a year in France and "
        "sepsis remains life-threatening.",
        [
            (
                "la détection précoce du sepsis à l’hôpital",
                "early detection of sepsis in hospital",
                "sepsis",
                ["sepsis", "alerte précoce"],
            ),
            (
                "l’aide à la prescription d’antibiotiques",
                "antibiotic prescribing support",
                "antibioresistance",
                ["antibiorésistance", "bon usage"],
            ),
        ],
    ),
    "nephrologie": (
        "La maladie rénale chronique touche près de six millions de Français, souvent "
        "sans le savoir.",
        "Chronic kidney disease affects nearly six million people in France, often "
        "unknowingly.",
        [
            (
                "la prédiction de la progression vers la dialyse",
                "prediction of progression to dialysis",
                None,
                ["insuffisance rénale"],
            ),
            (
                "l’anticipation du rejet de greffe rénale",
                "anticipation of kidney graft rejection",
                None,
                ["transplantation rénale", "rejet"],
            ),
        ],
    ),
    "ophtalmologie": (
        "La DMLA et le glaucome sont les premières causes de malvoyance après 50 ans.",
        "Age-related macular degeneration and glaucoma are the leading causes of "
        "visual impairment after 50.",
        [
            (
                "le suivi de la DMLA en tomographie par cohérence optique",
                "monitoring of AMD with optical coherence tomography",
                None,
                ["DMLA", "OCT"],
            ),
            ("le dépistage du glaucome", "glaucoma screening", None, ["glaucome"]),
        ],
    ),
    "dermatologie": (
        "L’incidence du mélanome a triplé en trente ans et l’accès aux dermatologues "
        "est inégal sur le territoire.",
        "Melanoma incidence has tripled in thirty years and access to dermatologists "
        "is uneven across the country.",
        [
            (
                "le tri des lésions pigmentées suspectes",
                "triage of suspicious pigmented lesions",
                None,
                ["mélanome", "dermoscopie"],
            ),
        ],
    ),
    "pediatrie": (
        "La santé périnatale est un enjeu majeur : la France se situe dans la moyenne "
        "européenne pour la mortalité néonatale.",
        "Perinatal health is a major issue: France ranks mid-table in Europe for "
        "neonatal mortality.",
        [
            (
                "la prédiction des complications de la prématurité",
                "prediction of complications of preterm birth",
                None,
                ["prématurité", "néonatologie"],
            ),
            (
                "le repérage précoce des troubles du neurodéveloppement",
                "early identification of neurodevelopmental disorders",
                None,
                ["neurodéveloppement", "autisme"],
            ),
        ],
    ),
    "geriatrie": (
        "Le vieillissement de la population augmente le nombre de personnes fragiles "
        "et polymédiquées.",
        "Population ageing increases the number of frail people taking many drugs.",
        [
            (
                "la prévention des chutes chez la personne âgée",
                "fall prevention in older adults",
                None,
                ["chutes", "fragilité"],
            ),
            (
                "la détection de la iatrogénie médicamenteuse",
                "detection of adverse drug events",
                None,
                ["iatrogénie", "polymédication"],
            ),
        ],
    ),
    "urgences": (
        "Les services d’urgences accueillent plus de 20 millions de passages par an et "
        "la réanimation fait face à des tensions récurrentes.",
        "Emergency departments handle more than 20 million visits a year and intensive "
        "care faces recurrent strain.",
        [
            (
                "le tri des patients à l’accueil des urgences",
                "emergency department triage",
                None,
                ["triage", "urgences"],
            ),
            (
                "la prédiction de la dégradation en réanimation",
                "prediction of deterioration in intensive care",
                None,
                ["réanimation", "monitorage"],
            ),
        ],
    ),
    "maladies-rares": (
        "Les 7 000 maladies rares concernent trois millions de Français et l’errance "
        "diagnostique dure en moyenne cinq ans.",
        "The 7,000 rare diseases affect three million people in France and the "
        "diagnostic odyssey lasts five years on average.",
        [
            (
                "la réduction de l’errance diagnostique",
                "shortening the diagnostic odyssey",
                None,
                ["errance diagnostique", "phénotypage"],
            ),
            (
                "l’interprétation des variants génétiques",
                "interpretation of genetic variants",
                None,
                ["génomique", "variants"],
            ),
        ],
    ),
    "sante-publique": (
        "La surveillance épidémiologique et la pharmacovigilance reposent de plus en "
        "plus sur les bases médico-administratives.",
        "Epidemiological surveillance and pharmacovigilance increasingly rely on "
        "claims databases.",
        [
            (
                "la détection de signaux de pharmacovigilance",
                "detection of pharmacovigilance signals",
                "pharmacoepidemiologie",
                ["pharmacovigilance", "signal"],
            ),
            (
                "l’estimation des parcours de soins et de leurs inégalités "
                "territoriales",
                "estimation of care pathways and their geographical inequalities",
                None,
                ["parcours de soins", "inégalités"],
            ),
        ],
    ),
    "radiologie": (
        "La demande d’imagerie augmente plus vite que le nombre de radiologues.",
        "Demand for imaging grows faster than the number of radiologists.",
        [
            (
                "la priorisation des examens urgents en radiologie",
                "prioritisation of urgent imaging studies",
                None,
                ["radiologie", "triage"],
            ),
            (
                "la réduction de dose en scanner",
                "CT dose reduction",
                None,
                ["scanner", "dose"],
            ),
        ],
    ),
    "anatomopathologie": (
        "La numérisation des lames ouvre la pathologie à l’analyse automatique, alors "
        "que les pathologistes manquent.",
        "Slide digitisation opens pathology to automated analysis, while pathologists "
        "are scarce.",
        [
            (
                "la quantification des biomarqueurs sur lames numérisées",
                "quantification of biomarkers on whole-slide images",
                None,
                ["pathologie numérique", "biomarqueurs"],
            ),
        ],
    ),
    "chirurgie": (
        "Les complications postopératoires concernent un patient opéré sur dix.",
        "Post-operative complications affect one surgical patient in ten.",
        [
            (
                "la prédiction des complications postopératoires",
                "prediction of post-operative complications",
                None,
                ["complications postopératoires", "chirurgie"],
            ),
            (
                "l’assistance peropératoire par analyse vidéo",
                "intra-operative assistance from video",
                None,
                ["vidéo chirurgicale", "bloc opératoire"],
            ),
        ],
    ),
}
