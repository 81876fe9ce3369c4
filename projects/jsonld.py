"""schema.org description of a project page, for search engines and harvesters."""

from django.utils.html import strip_tags
from django.utils.safestring import SafeString

from portal.core.jsonld import to_script_json, without_empty
from projects.models import Project, ProjectDataset

DATA_LEAVE_SOURCE = {
    True: "Les données sortent de l’environnement sécurisé de la source.",
    False: "Les données restent dans l’environnement sécurisé de la source.",
}


def _data_use(use: ProjectDataset, request) -> dict:
    """A dataset the project uses, with the legal basis of that use as its
    `usageInfo` (issue 18)."""
    dataset = use.dataset
    legal_basis = without_empty(
        {
            "@type": "CreativeWork",
            "name": str(use.get_legal_framework_display())
            if use.legal_framework
            else None,
            "identifier": use.authorisation_reference or use.legal_framework,
            "dateCreated": use.authorisation_date.isoformat()
            if use.authorisation_date
            else None,
            "author": {"@type": "Organization", "name": use.data_controller}
            if use.data_controller
            else None,
            "conditionsOfAccess": DATA_LEAVE_SOURCE.get(use.data_leave_source),
        }
    )
    return without_empty(
        {
            "@type": "Dataset",
            "name": dataset.name,
            "url": request.build_absolute_uri(dataset.get_absolute_url()),
            "usageInfo": legal_basis if len(legal_basis) > 1 else None,
        }
    )


def project_jsonld(*, project: Project, request) -> SafeString:
    url = request.build_absolute_uri(project.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "ResearchProject",
        "@id": url,
        "url": url,
        "name": project.title,
        "alternateName": project.acronym or None,
        "description": strip_tags(project.summary),
        "inLanguage": "fr",
        "keywords": [tag.name for tag in project.keywords.all()],
        "about": [domain.name for domain in project.domains.all()],
        "startDate": project.start_date.isoformat() if project.start_date else None,
        "endDate": project.end_date.isoformat() if project.end_date else None,
        "parentOrganization": {
            "@type": "Organization",
            "name": project.lead_organisation.name,
            "identifier": project.lead_organisation.ror_url or None,
        },
        "member": [
            {"@type": "Organization", "name": str(partner.team or partner.organisation)}
            for partner in project.partners.all()
        ],
        "funder": [
            {"@type": "Organization", "name": funding.funder.name}
            for funding in project.fundings.all()
        ],
        "isBasedOn": [_data_use(use, request) for use in project.dataset_uses.all()],
    }
    return to_script_json(without_empty(data))
