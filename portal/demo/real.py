"""The real organisations of the demo set, loaded through the bulk-import engine.

ROR ids are given only where they are known to be right; the import validates their
checksum and fails loudly otherwise.
"""

import csv
import json
from pathlib import Path

from django.core.management.base import CommandError

from portal.core.progress import Progress
from projects.imports.engine import SourceFile, import_execute
from projects.imports.report import ImportReport

DATA_DIR = Path(__file__).resolve().parent / "data"
SOURCE = "Données de démonstration (organisations réelles)"
ROR_SOURCE = "French Open Science Monitor (dataESR), licence MIT"

# name, acronym, kind, ror, city, website, parent (ROR or name)
INSTITUTIONS = [
    (
        "Institut national de la santé et de la recherche médicale",
        "Inserm",
        "institute",
        "02vjkv261",
        "Paris",
        "https://www.inserm.fr",
        "",
    ),
    (
        "Institut national de recherche en sciences et technologies du numérique",
        "Inria",
        "institute",
        "02kvxyf05",
        "Le Chesnay-Rocquencourt",
        "https://www.inria.fr",
        "",
    ),
    (
        "Centre national de la recherche scientifique",
        "CNRS",
        "institute",
        "02feahw73",
        "Paris",
        "https://www.cnrs.fr",
        "",
    ),
    (
        "Commissariat à l’énergie atomique et aux énergies alternatives",
        "CEA",
        "institute",
        "00jjx8s55",
        "Paris",
        "https://www.cea.fr",
        "",
    ),
    (
        "Centre d’épidémiologie sur les causes médicales de décès",
        "CépiDc",
        "other",
        "",
        "Le Kremlin-Bicêtre",
        "https://www.cepidc.inserm.fr",
        "02vjkv261",
    ),
    (
        "Institut national pour l’évaluation et la sécurité de l’intelligence "
        "artificielle",
        "INESIA",
        "agency",
        "",
        "Paris",
        "",
        "",
    ),
    (
        "Plateforme des données de santé (Health Data Hub)",
        "HDH",
        "agency",
        "",
        "Paris",
        "https://www.health-data-hub.fr",
        "",
    ),
    (
        "Caisse nationale de l’Assurance Maladie",
        "CNAM",
        "agency",
        "",
        "Paris",
        "https://www.assurance-maladie.ameli.fr",
        "",
    ),
    (
        "Agence nationale de la recherche",
        "ANR",
        "funder",
        "00rbzpz17",
        "Paris",
        "https://anr.fr",
        "",
    ),
    ("France 2030", "", "funder", "", "Paris", "", ""),
    ("Bpifrance", "", "funder", "", "Maisons-Alfort", "https://www.bpifrance.fr", ""),
    (
        "Commission européenne",
        "",
        "funder",
        "00k4n6c32",
        "Bruxelles",
        "https://commission.europa.eu",
        "",
    ),
    (
        "Région Île-de-France",
        "",
        "funder",
        "",
        "Saint-Ouen-sur-Seine",
        "https://www.iledefrance.fr",
        "",
    ),
    (
        "Région Nouvelle-Aquitaine",
        "",
        "funder",
        "",
        "Bordeaux",
        "https://www.nouvelle-aquitaine.fr",
        "",
    ),
    ("Région Bretagne", "", "funder", "", "Rennes", "https://www.bretagne.bzh", ""),
    (
        "Réseau français des registres des cancers",
        "Francim",
        "other",
        "",
        "Toulouse",
        "",
        "",
    ),
    ("Sorbonne Université", "", "university", "02en5vm52", "Paris", "", ""),
    ("Université Paris Cité", "", "university", "05f82e368", "Paris", "", ""),
    (
        "Université Paris-Saclay",
        "",
        "university",
        "03xjwb503",
        "Gif-sur-Yvette",
        "",
        "",
    ),
    ("Université de Bordeaux", "", "university", "057qpr032", "Bordeaux", "", ""),
    ("Université de Lille", "", "university", "02kzqn938", "Lille", "", ""),
    ("Université de Rennes", "", "university", "015m7wh34", "Rennes", "", ""),
    ("Université Grenoble Alpes", "UGA", "university", "02rx3b187", "Grenoble", "", ""),
    ("Aix-Marseille Université", "AMU", "university", "035xkbk20", "Marseille", "", ""),
    ("Université de Strasbourg", "", "university", "00pg6eq24", "Strasbourg", "", ""),
    ("Université de Montpellier", "", "university", "051escj72", "Montpellier", "", ""),
    ("Université Claude Bernard Lyon 1", "", "university", "029brtt94", "Lyon", "", ""),
    ("Nantes Université", "", "university", "03gnr7b55", "Nantes", "", ""),
    ("Université Côte d’Azur", "", "university", "019tgvf94", "Nice", "", ""),
    (
        "Université Toulouse III – Paul Sabatier",
        "",
        "university",
        "02v6kpv12",
        "Toulouse",
        "",
        "",
    ),
]
COLUMNS = ["name", "acronym", "kind", "ror", "city", "website", "parent"]

# Hospital file name → the acronyms of the best-known ones, for display.
HOSPITAL_FILES = [
    "french_university_hospitals_ror.csv",
    "french_cancer_centres_ror.csv",
]
HOSPITAL_ACRONYMS = {"00pg5jh14": "AP-HP", "01502ca60": "HCL", "002cp4060": "AP-HM"}


def _raise_on_errors(report: ImportReport, what: str) -> None:
    if not report.ok:
        lines = "\n".join(f"  {error}" for error in report.errors)
        raise CommandError(f"Import des {what} impossible :\n{lines}")


def load_organisations(progress: Progress) -> None:
    """Institutes, agencies, funders, universities, then every CHU and cancer centre."""
    hospital_rows = []
    for file_name in HOSPITAL_FILES:
        with open(DATA_DIR / file_name, newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                ror = row["ror"].removeprefix("https://ror.org/")
                hospital_rows.append({**row, "acronym": HOSPITAL_ACRONYMS.get(ror, "")})
    progress.start(len(INSTITUTIONS) + len(hospital_rows))
    institutions = [dict(zip(COLUMNS, values, strict=True)) for values in INSTITUTIONS]
    report = _organisations_import(
        "institutions.json",
        institutions,
        source=SOURCE,
        progress=lambda done, _total: progress.update(done),
    )
    _raise_on_errors(report, "organisations")
    report = _organisations_import(
        "etablissements.json",
        hospital_rows,
        source=ROR_SOURCE,
        defaults={"kind": "hospital"},
        progress=lambda done, _total: progress.update(len(INSTITUTIONS) + done),
    )
    _raise_on_errors(report, "établissements de santé")
    progress.finish()


def _organisations_import(
    name: str, rows: list[dict], *, source: str, progress, defaults=None
) -> ImportReport:
    # The rows go through the same engine as `import_registry`, as a JSON file whose
    # columns are the rows' own: a column left out is a field left alone.
    content = json.dumps(rows).encode()
    _kind, report = import_execute(
        files=[SourceFile(name=name, content=content)],
        kind="organisations",
        source=source,
        file_format="json",
        progress=progress,
        defaults=defaults,
    )
    return report
