"""Small, valid import files of every kind, in dependency order, as CSV text."""

ORGANISATIONS = (
    "ror,name,acronym,kind,city\n"
    "02vjkv261,Institut national de la santé et de la recherche médicale,Inserm,"
    "institute,Paris\n"
    "https://ror.org/057qpr032,Université de Bordeaux,,university,Bordeaux\n"
    "01hq89f96,Centre hospitalier universitaire de Bordeaux,CHU Bordeaux,hospital,"
    "Bordeaux\n"
    ",Institut national pour l’évaluation et la sécurité de l’IA,INESIA,agency,"
    "Paris\n"
)
TEAMS = (
    "rnsr,name,acronym,parents,city,expertise\n"
    "200918472W,Bordeaux Population Health,BPH,Inserm|057qpr032,Bordeaux,"
    "épidémiologie|apprentissage automatique\n"
    ",Laboratoire d’imagerie du CHU,LIC,01hq89f96,Bordeaux,imagerie\n"
)
PEOPLE = (
    "orcid,first_name,last_name,title,team,role\n"
    "0000-0002-1825-0097,Josiah,Carberry,Directeur de recherche,200918472W,head\n"
    "https://orcid.org/0000-0001-5109-3700,Laure,Haak,,LIC,\n"
)
DATASETS = (
    "name,acronym,producer,kind,description,access_route,access_procedure,"
    "period_start,standards\n"
    "Cohorte Constances,Constances,Inserm,cohort,Cohorte de 220 000 adultes.,"
    "cohort,Dossier au comité d’accès.,2012,OMOP|FHIR\n"
)
PROJECTS = (
    "acronym,lead_organisation,title,summary,status,trl,start_date,domains,"
    "techniques,keywords,partners,datasets,funder,programme,amount_eur\n"
    "RETINO-IA,01hq89f96,Dépistage de la rétinopathie,Un réseau lit les "
    "rétinographies.,active,4,2024-01-15,ophtalmologie,reseaux-convolutifs,"
    "rétine|dépistage,BPH|057qpr032,Constances,Inserm,AAPG 2024,450000\n"
    "SEPSIS-PRED,Inserm,Prédire le sepsis,Un modèle lit les constantes.,,,"
    "01/09/2023,,,,LIC,,,,\n"
)
IN_ORDER = [
    ("organisations", "organisations.csv", ORGANISATIONS),
    ("teams", "equipes.csv", TEAMS),
    ("people", "personnes.csv", PEOPLE),
    ("datasets", "jeux.csv", DATASETS),
    ("projects", "projets.csv", PROJECTS),
]
