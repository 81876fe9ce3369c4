"""The real health datasets of the demo set, with their real access procedures.

Only descriptions: the portal never holds patient data. The SNDS description lists its
products from the Health Data Hub's open "schema-snds" (data/snds_tables.csv).
"""

import csv
from collections import Counter
from pathlib import Path

from portal.core.progress import Progress
from registry.models import Organisation
from registry.services import dataset_upsert

DATA_DIR = Path(__file__).resolve().parent / "data"
SOURCE = "Données de démonstration (jeux de données réels)"

HDH_PROCEDURE = (
    "Accès via le Health Data Hub : soit dans le cadre d’une méthodologie de référence "
    "de la CNIL (MR-004 à MR-008) après engagement de conformité, soit sur avis du "
    "CESREES puis autorisation de la CNIL. Le projet doit présenter un intérêt public "
    "; les données sont mises à disposition dans un environnement sécurisé."
)
HDH_URL = "https://www.health-data-hub.fr/depot"

EDS_PROCEDURE = (
    "Dépôt d’un projet auprès du comité scientifique et éthique de l’entrepôt de "
    "l’établissement, qui vérifie l’intérêt scientifique, la minimisation des données "
    "et l’information des patients, dans le cadre du référentiel CNIL relatif aux "
    "entrepôts de données de santé. Les analyses ont lieu dans l’espace de travail "
    "sécurisé de l’hôpital."
)

# Hospital warehouses: name, acronym, hospital ROR, city, first year, standards, page.
WAREHOUSES = [
    (
        "Entrepôt de données de santé de l’AP-HP",
        "EDS AP-HP",
        "00pg5jh14",
        "Paris",
        2017,
        ["OMOP", "FHIR", "DICOM", "CIM-10"],
        "https://eds.aphp.fr",
    ),
    (
        "Entrepôt de données de santé du CHU de Bordeaux",
        "EDS CHU de Bordeaux",
        "01hq89f96",
        "Bordeaux",
        2019,
        ["OMOP", "CIM-10"],
        "https://www.chu-bordeaux.fr",
    ),
    (
        "Entrepôt de données de santé du CHU de Lille",
        "EDS CHU de Lille",
        "02ppyfa04",
        "Lille",
        2018,
        ["OMOP", "CIM-10", "LOINC"],
        "https://www.chu-lille.fr",
    ),
    (
        "Entrepôt de données biomédicales eHOP du CHU de Rennes",
        "eHOP",
        "05qec5a53",
        "Rennes",
        2013,
        ["CIM-10", "LOINC"],
        "https://www.chu-rennes.fr",
    ),
    (
        "Entrepôt de données de santé des Hospices Civils de Lyon",
        "EDS HCL",
        "01502ca60",
        "Lyon",
        2019,
        ["OMOP", "FHIR", "CIM-10"],
        "https://www.chu-lyon.fr",
    ),
]


def _snds_products() -> str:
    with open(DATA_DIR / "snds_tables.csv", newline="", encoding="utf-8") as handle:
        tables = Counter(row["product"] for row in csv.DictReader(handle))
    return ", ".join(
        f"{product} ({count} tables)" for product, count in sorted(tables.items())
    )


def _datasets() -> list[dict]:
    """The dataset descriptions, as keyword arguments of `dataset_upsert`."""
    found = [
        dict(
            name="Système national des données de santé",
            acronym="SNDS",
            producer="CNAM",
            kind="claims",
            description=(
                "Base médico-administrative nationale chaînant les remboursements de "
                "l’Assurance Maladie (DCIR), les séjours hospitaliers (PMSI) et les "
                "causes médicales de décès. Produits documentés : "
                + _snds_products()
                + "."
            ),
            description_en=(
                "National claims database linking outpatient reimbursements (DCIR), "
                "hospital stays (PMSI) and causes of death."
            ),
            population="Près de 99 % de la population résidant en France (~67 millions "
            "de personnes)",
            period_start=2006,
            access_route="hdh",
            access_procedure=HDH_PROCEDURE,
            access_url=HDH_URL,
            landing_page="https://www.snds.gouv.fr",
            standards=["CIM-10", "CCAM", "ATC"],
        ),
        dict(
            name="Causes médicales de décès",
            acronym="CépiDc",
            producer="CépiDc",
            kind="registry",
            description=(
                "Base nationale des causes médicales de décès, établie à partir des "
                "certificats de décès et codée en CIM-10 ; appariée au SNDS."
            ),
            description_en="National database of causes of death, ICD-10 coded.",
            population="Ensemble des décès survenus en France",
            period_start=1979,
            access_route="hdh",
            access_procedure=HDH_PROCEDURE
            + " Une demande directe auprès du CépiDc est possible pour les données "
            "agrégées ou hors SNDS.",
            access_url="https://www.cepidc.inserm.fr",
            landing_page=("https://www.cepidc.inserm.fr"),
            standards=["CIM-10"],
        ),
        dict(
            name="Cohorte Constances",
            acronym="Constances",
            producer="Inserm",
            kind="cohort",
            description=(
                "Cohorte épidémiologique généraliste d’adultes de 18 à 69 ans tirés au "
                "sort parmi les assurés du régime général, avec questionnaires, "
                "examens de santé, biobanque et données SNDS appariées."
            ),
            description_en=(
                "General-purpose cohort of adults with surveys, health examinations, "
                "biobank and linked claims data."
            ),
            population="Environ 220 000 adultes",
            period_start=2012,
            access_route="cohort",
            access_procedure=(
                "Dépôt d’un projet auprès du comité d’accès de Constances ; après avis "
                "scientifique, signature d’une convention et formalités CNIL, les "
                "données sont mises à disposition."
            ),
            access_url="https://www.constances.fr",
            landing_page="https://www.constances.fr",
            standards=["CIM-10"],
        ),
        dict(
            name="Cohortes E3N et E4N",
            acronym="E3N-E4N",
            producer="Inserm",
            kind="cohort",
            description=(
                "Cohorte de femmes adhérentes de la MGEN suivies depuis 1990 (E3N), "
                "étendue à leurs enfants et petits-enfants (E4N) ; questionnaires, "
                "échantillons biologiques, données de remboursement."
            ),
            description_en=(
                "Cohort of women followed since 1990, extended to three generations."
            ),
            population="Près de 100 000 femmes et leurs descendants",
            period_start=1990,
            access_route="cohort",
            access_procedure=(
                "Demande au comité scientifique de la cohorte, puis convention de "
                "collaboration et formalités CNIL."
            ),
            access_url="https://www.e3n.fr",
            landing_page="https://www.e3n.fr",
            standards=["CIM-10"],
        ),
        dict(
            name="Étude NutriNet-Santé",
            acronym="NutriNet-Santé",
            producer="Inserm",
            kind="cohort",
            description=(
                "Cohorte en ligne sur les relations entre nutrition et santé, avec "
                "questionnaires alimentaires répétés et données appariées au SNDS."
            ),
            description_en="Web-based cohort on nutrition and health.",
            population="Plus de 170 000 adultes volontaires",
            period_start=2009,
            access_route="cohort",
            access_procedure=(
                "Demande de collaboration auprès de l’équipe de recherche en "
                "épidémiologie nutritionnelle (EREN), examinée par le comité de "
                "pilotage de l’étude."
            ),
            access_url="https://etude-nutrinet-sante.fr",
            landing_page="https://etude-nutrinet-sante.fr",
            standards=[],
        ),
        dict(
            name="Registres des cancers du réseau Francim",
            acronym="Francim",
            producer="Francim",
            kind="registry",
            description=(
                "Données d’incidence et de survie des registres généraux et "
                "spécialisés des cancers, qualifiés par le Comité d’évaluation des "
                "registres."
            ),
            description_en="Population-based cancer registries (incidence and "
            "survival).",
            population="Environ 24 % de la population française métropolitaine",
            period_start=1975,
            access_route="producer",
            access_procedure=(
                "Demande auprès du réseau Francim et des registres concernés ; avis du "
                "comité scientifique puis formalités CNIL."
            ),
            access_url="https://www.francim-registres.fr",
            landing_page="https://www.francim-registres.fr",
            standards=["CIM-10", "CIM-O-3"],
        ),
        dict(
            name="Observatoire français de la sclérose en plaques",
            acronym="OFSEP",
            producer="01502ca60",
            kind="cohort",
            description=(
                "Cohorte nationale de patients atteints de sclérose en plaques suivis "
                "dans les centres experts, avec données cliniques, IRM acquises selon "
                "un protocole standardisé et échantillons biologiques."
            ),
            description_en=(
                "National multiple sclerosis cohort with clinical data, standardised "
                "MRI and biological samples."
            ),
            population="Plusieurs dizaines de milliers de patients atteints de "
            "sclérose en plaques",
            period_start=2011,
            access_route="cohort",
            access_procedure=(
                "Demande au conseil scientifique de l’OFSEP ; après avis, signature "
                "d’une convention et formalités CNIL, les données et les images sont "
                "mises à disposition."
            ),
            access_url="https://www.ofsep.org",
            landing_page="https://www.ofsep.org",
            standards=["DICOM"],
        ),
        dict(
            name="Étude longitudinale française depuis l’enfance",
            acronym="ELFE",
            producer="Inserm",
            kind="cohort",
            description=(
                "Cohorte de naissance suivant des enfants nés en France métropolitaine "
                "en 2011, de la naissance à l’âge adulte : santé, développement, "
                "environnement, échantillons biologiques."
            ),
            description_en="French birth cohort of children born in 2011.",
            population="Plus de 18 000 enfants nés en 2011",
            period_start=2011,
            access_route="cohort",
            access_procedure=(
                "Demande d’accès aux données examinée par le comité d’accès de la "
                "cohorte, puis convention et formalités CNIL."
            ),
            access_url="https://www.elfe-france.fr",
            landing_page="https://www.elfe-france.fr",
            standards=[],
        ),
        dict(
            name="Banque nationale de données maladies rares",
            acronym="BNDMR",
            producer="00pg5jh14",
            kind="registry",
            description=(
                "Données minimales (diagnostic codé en ORPHAcodes, parcours) des "
                "patients suivis dans les centres de référence et de compétence "
                "maladies rares."
            ),
            description_en="French national rare disease database.",
            population="Patients suivis dans les centres experts maladies rares",
            period_start=2012,
            access_route="producer",
            access_procedure=(
                "Demande auprès de la BNDMR, examinée par son comité scientifique ; "
                "extraction pseudonymisée après formalités CNIL."
            ),
            access_url="https://www.bndmr.fr",
            landing_page="https://www.bndmr.fr",
            standards=["ORPHAcode"],
        ),
    ]
    for name, acronym, producer, city, start, standards, page in WAREHOUSES:
        found.append(
            dict(
                name=name,
                acronym=acronym,
                producer=producer,
                kind="warehouse",
                description=(
                    f"Entrepôt de données de santé hospitalier ({city}) : dossiers "
                    "patients informatisés, comptes rendus, biologie, prescriptions "
                    "et, selon les cas, imagerie."
                ),
                description_en=f"Hospital clinical data warehouse ({city}).",
                population=f"Patients pris en charge à l’hôpital ({city})",
                period_start=start,
                access_route="hospital",
                access_procedure=EDS_PROCEDURE,
                access_url=page,
                landing_page=page,
                standards=standards,
            )
        )
    return found


def _producer(key: str) -> Organisation:
    return Organisation.objects.filter(ror_id=key).first() or Organisation.objects.get(
        acronym=key
    )


def load_datasets(progress: Progress) -> None:
    """Create or update every real dataset description (idempotent)."""
    datasets = _datasets()
    progress.start(len(datasets))
    for values in datasets:
        dataset_upsert(
            **{**values, "producer": _producer(values["producer"]), "source": SOURCE}
        )
        progress.step()
    progress.finish()
