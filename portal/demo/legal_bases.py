"""Demo legal bases (issue 18): each seeded project–dataset link gets a basis
consistent with its source, and each source what a citizen needs to object.

- SNDS and CépiDc (through the Health Data Hub): MR-004, MR-005 or a CNIL
  authorisation after the CESREES opinion; data stay in the secure platform.
- A hospital warehouse: the warehouse's own framework (here MR-004, the CNIL's
  reference for research reusing data without involving the person); the hospital
  is the controller and analyses stay in its secure workspace.
- A cohort: the participants' consent.
- Other sources: left unstated rather than guessed.

Information pages are the sources' own public sites, already in the demo set; no
objection link or procedure is invented. Demo authorisation numbers start with
« DEMO- » so no one mistakes them for real CNIL decisions. Links that already have a
basis are left alone (a re-run never overwrites an edit).
"""

import hashlib

from django.db import transaction

from portal.core.progress import Progress
from projects.models import ProjectDataset
from projects.models.legal_basis import LEGAL_BASIS_FIELDS, LegalFramework
from registry.models import Dataset

# Regions of the demo's hospital warehouses, by acronym (the hospitals' real cities).
WAREHOUSE_REGIONS = {
    "EDS AP-HP": "IDF",
    "EDS CHU de Bordeaux": "NAQ",
    "EDS CHU de Lille": "HDF",
    "eHOP": "BRE",
    "EDS HCL": "ARA",
}
# Sources whose landing page is their own public site for the people concerned.
INFORMATION_PAGES = {
    "SNDS": "https://www.snds.gouv.fr",
    "CépiDc": "https://www.cepidc.inserm.fr",
    "Constances": "https://www.constances.fr",
    "E3N-E4N": "https://www.e3n.fr",
    "NutriNet-Santé": "https://etude-nutrinet-sante.fr",
    "Francim": "https://www.francim-registres.fr",
    "EDS AP-HP": "https://eds.aphp.fr",
}
NATIONAL_FRAMEWORKS = (
    LegalFramework.MR004,
    LegalFramework.MR005,
    LegalFramework.CNIL_AUTHORISATION,
)


def _draw(*parts: object) -> int:
    """A stable number from the link itself: the same basis on every run, whatever
    the order in which links are read."""
    text = "|".join(str(part) for part in parts)
    return int(hashlib.sha256(text.encode()).hexdigest()[:8], 16)


def legal_basis_for(use: ProjectDataset) -> dict:
    """The legal-basis fields of one seeded link, consistent with its source."""
    dataset, project = use.dataset, use.project
    draw = _draw(project.slug, dataset.slug)
    if dataset.access_route == Dataset.AccessRoute.HEALTH_DATA_HUB:
        framework = NATIONAL_FRAMEWORKS[draw % len(NATIONAL_FRAMEWORKS)]
        authorised = framework == LegalFramework.CNIL_AUTHORISATION
        year = project.start_date.year if project.start_date else 2024
        return {
            "legal_framework": framework,
            "authorisation_reference": f"DEMO-{year}-{draw % 1000:03d}"
            if authorised
            else "",
            "authorisation_date": project.start_date if authorised else None,
            "data_controller": project.lead_organisation.name,
            "data_leave_source": False,
        }
    if dataset.kind == Dataset.Kind.HOSPITAL_WAREHOUSE:
        return {
            "legal_framework": LegalFramework.MR004,
            "data_controller": dataset.producer.name,
            "data_leave_source": False,
        }
    if dataset.kind == Dataset.Kind.COHORT:
        return {
            "legal_framework": LegalFramework.CONSENT,
            "data_controller": project.lead_organisation.name,
        }
    return {}


def _source_information(dataset: Dataset) -> list[str]:
    changed = []
    wanted = {
        "region": WAREHOUSE_REGIONS.get(dataset.acronym, ""),
        "information_url": INFORMATION_PAGES.get(dataset.acronym, ""),
        "data_controller": dataset.producer.name
        if dataset.kind == Dataset.Kind.HOSPITAL_WAREHOUSE
        else "",
    }
    for name, value in wanted.items():
        if value and not getattr(dataset, name):
            setattr(dataset, name, value)
            changed.append(name)
    return changed


def _revision_patch(project, bases: dict[int, dict]) -> None:
    """The same bases in the project's latest revision, which the editing forms read."""
    revision = project.latest_revision
    if revision is None:
        return
    for row in revision.content.get("dataset_uses", []):
        for name, value in bases.get(row.get("pk"), {}).items():
            row[name] = value.isoformat() if hasattr(value, "isoformat") else value
    revision.save(update_fields=["content"])


@transaction.atomic
def load_legal_bases(progress: Progress) -> int:
    """Fill the sources' information and the links' legal bases left empty;
    returns how many links were given one."""
    for dataset in Dataset.objects.select_related("producer"):
        changed = _source_information(dataset)
        if changed:
            dataset.save(update_fields=changed)
    uses = list(
        ProjectDataset.objects.filter(legal_framework="")
        .select_related(
            "dataset__producer",
            "project__lead_organisation",
            "project__latest_revision",
        )
        .order_by("pk")
    )
    progress.start(len(uses))
    given, by_project = [], {}
    for use in uses:
        basis = legal_basis_for(use)
        for name, value in basis.items():
            setattr(use, name, value)
        if basis:
            given.append(use)
            by_project.setdefault(use.project, {})[use.pk] = basis
        progress.step()
    ProjectDataset.objects.bulk_update(given, LEGAL_BASIS_FIELDS, batch_size=500)
    for project, bases in by_project.items():
        _revision_patch(project, bases)
    progress.finish()
    return len(given)
