"""The registry the relevance table (test_relevance_table.py) searches: sixteen
projects whose texts exercise accents, plurals, acronyms, synonyms, typos, English
titles and identifiers, with their organisations, teams, a person and a dataset."""

from projects.models import Project
from registry.models import Dataset, Organisation, Person, Team
from tests.factories import (
    DatasetFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    ProjectFactory,
    TeamFactory,
    domain,
    technique,
)

# acronym: (title, summary, title_en, summary_en, lead, domains, techniques)
PROJECTS = {
    "RETINA": (
        "Dépistage de la rétinopathie diabétique sur photographies du fond d’œil",
        "Un réseau de neurones convolutif lit les rétinographies en soins primaires.",
        "Diabetic retinopathy screening on fundus photographs",
        "",
        "inserm",
        ["ophtalmologie"],
        ["reseaux-convolutifs"],
    ),
    "NEUROVASC": (
        "Imagerie et accidents vasculaires cérébraux en phase aiguë",
        "Des IRM de diffusion pour le triage en urgence.",
        "Imaging of acute stroke",
        "",
        "inserm",
        ["avc"],
        ["reseaux-convolutifs"],
    ),
    "GENOUIRM": (
        "Imagerie par résonance magnétique du genou",
        "Segmentation automatique des ménisques chez le sportif.",
        "",
        "",
        "inria",
        ["radiologie"],
        [],
    ),
    "CARDIRM": (
        "IRM cardiaque rapide",
        "Reconstruction accélérée des séquences.",
        "",
        "",
        "inria",
        ["cardiologie"],
        [],
    ),
    "MAMMO": (
        "Dépistage du cancer du sein",
        "Lecture automatique de la mammographie par apprentissage profond.",
        "Breast cancer screening",
        "",
        "inserm",
        ["cancer-du-sein"],
        ["apprentissage-profond"],
    ),
    "CRTEXT": (
        "Traitement automatique des langues pour les comptes rendus",
        "Extraire les diagnostics des comptes rendus d’hospitalisation.",
        "",
        "",
        "inria",
        [],
        ["tal"],
    ),
    "DIABCO": (
        "Les cohortes de patients diabétiques",
        "Suivi longitudinal de l’équilibre glycémique.",
        "",
        "",
        "inserm",
        ["endocrinologie"],
        [],
    ),
    "SEPREA": (
        "Sepsis en réanimation",
        "Alerte précoce du choc septique à partir des constantes.",
        "",
        "",
        "inria",
        ["infectiologie"],
        ["series-temporelles"],
    ),
    "FIBRA": (
        "Détection de la fibrillation atriale sur montre connectée",
        "Un électrocardiogramme à une dérivation analysé en continu.",
        "Atrial fibrillation detection on smartwatches",
        "",
        "inesia",
        ["troubles-du-rythme"],
        [],
    ),
    "EDSCAN": (
        "Entrepôt de données de santé pour la cancérologie",
        "Un EDS hospitalier interrogé pour constituer des cohortes.",
        "",
        "",
        "inserm",
        ["oncologie"],
        [],
    ),
    "CODAGE": (
        "Codage automatique en CIM-10 des séjours hospitaliers",
        "Aide au codage PMSI à partir des courriers de sortie.",
        "",
        "",
        "inria",
        [],
        ["grands-modeles-de-langage"],
    ),
    "ALZVOX": (
        "Prédiction de la maladie d’Alzheimer par la voix",
        "Des marqueurs vocaux précoces du déclin cognitif.",
        "Predicting Alzheimer’s disease from speech",
        "Early vocal markers of cognitive decline.",
        "inserm",
        ["maladies-neurodegeneratives"],
        [],
    ),
    "BPCOTEL": (
        "Télésurveillance des patients atteints de BPCO",
        "Prévoir les exacerbations à domicile.",
        "",
        "",
        "inria",
        ["pneumologie"],
        [],
    ),
    "PATHNUM": (
        "Lames de biopsie prostatique et pathologie numérique",
        "Gradation de Gleason assistée.",
        "Digital pathology of prostate biopsies",
        "",
        "inria",
        ["anatomopathologie"],
        ["apprentissage-profond"],
    ),
    "MELANO": (
        "Classification des mélanomes sur images dermoscopiques",
        "Aide au diagnostic des lésions pigmentées.",
        "",
        "",
        "inria",
        ["dermatologie"],
        [],
    ),
    "INSUCARD": (
        "Insuffisance cardiaque et télésuivi",
        "Détection des décompensations par le poids quotidien.",
        "",
        "",
        "inesia",
        ["insuffisance-cardiaque"],
        [],
    ),
}


def build_relevance_scene() -> dict:
    organisations = {
        "inserm": OrganisationFactory(
            name="Institut national de la santé et de la recherche médicale",
            acronym="Inserm",
        ),
        "inria": OrganisationFactory(
            name="Institut national de recherche en sciences et technologies "
            "du numérique",
            acronym="Inria",
        ),
        "inesia": OrganisationFactory(
            name="Institut national pour l’évaluation et la sécurité de "
            "l’intelligence artificielle",
            acronym="INESIA",
        ),
    }
    teams = {
        "inserm": TeamFactory(
            name="Laboratoire d’imagerie cérébrale",
            acronym="LIC",
            parents=[organisations["inserm"]],
        ),
        "inria": TeamFactory(
            name="Équipe de linguistique clinique",
            acronym="LINC",
            parents=[organisations["inria"]],
        ),
        "inesia": TeamFactory(
            name="Cellule d’évaluation",
            acronym="CEVAL",
            parents=[organisations["inesia"]],
        ),
    }
    scene = {"organisations": organisations, "teams": teams, "projects": {}}
    for acronym, (
        title,
        summary,
        title_en,
        summary_en,
        lead,
        domains,
        techniques,
    ) in PROJECTS.items():
        scene["projects"][acronym] = ProjectFactory(
            acronym=acronym,
            title=title,
            summary=summary,
            title_en=title_en,
            summary_en=summary_en,
            lead_organisation=organisations[lead],
            lead_team=teams[lead],
            domains=[domain(slug) for slug in domains],
            techniques=[technique(slug) for slug in techniques],
        )
    scene["draft"] = ProjectFactory(
        acronym="SECRETUM",
        title="Rétinopathie confidentielle xylophonique",
        summary="Ce brouillon ne doit jamais être trouvé.",
        live=False,
        lead_organisation=organisations["inserm"],
        lead_team=teams["inserm"],
    )
    scene["person"] = PersonFactory(
        first_name="Élodie", last_name="Dupré", email="elodie.dupre@example.org"
    )
    MembershipFactory(person=scene["person"], team=teams["inserm"])
    scene["dataset"] = DatasetFactory(
        name="Système national des données de santé", acronym="SNDS"
    )
    return scene


def delete_relevance_scene(scene: dict) -> None:
    """Everything build_relevance_scene committed, children first."""
    projects = [*scene["projects"].values(), scene["draft"]]
    Project.objects.filter(pk__in=[p.pk for p in projects]).delete()
    Person.objects.filter(pk=scene["person"].pk).delete()
    producer = scene["dataset"].producer_id
    Dataset.objects.filter(pk=scene["dataset"].pk).delete()
    Team.objects.filter(pk__in=[t.pk for t in scene["teams"].values()]).delete()
    Organisation.objects.filter(
        pk__in=[o.pk for o in scene["organisations"].values()] + [producer]
    ).delete()
