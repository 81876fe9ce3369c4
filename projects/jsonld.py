"""schema.org description of a project page, for search engines and harvesters."""

from django.utils.html import strip_tags
from django.utils.safestring import SafeString

from portal.core.jsonld import to_script_json, without_empty
from projects.models import Project


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
    }
    return to_script_json(without_empty(data))
