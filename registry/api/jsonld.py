"""schema.org JSON-LD of registry records for `?format=jsonld`.

Datasets reuse the page's own description (`registry.jsonld`); organisations and
people, which have none on their pages yet, are described here."""

import json

from portal.core.jsonld import without_empty
from registry.jsonld import dataset_jsonld
from registry.models import Dataset, Organisation, Person


def dataset_jsonld_data(*, dataset: Dataset, request) -> dict:
    return json.loads(dataset_jsonld(dataset=dataset, request=request))


def organisation_jsonld_data(*, organisation: Organisation, request) -> dict:
    url = request.build_absolute_uri(organisation.get_absolute_url())
    parent = organisation.parent
    return without_empty(
        {
            "@context": "https://schema.org",
            "@type": "Organization",
            "@id": url,
            "url": url,
            "name": organisation.name,
            "alternateName": organisation.acronym or None,
            "identifier": organisation.ror_url or None,
            "sameAs": [
                link for link in (organisation.ror_url, organisation.website) if link
            ]
            or None,
            "address": {"@type": "PostalAddress", "addressLocality": organisation.city}
            if organisation.city
            else None,
            "parentOrganization": {"@type": "Organization", "name": parent.name}
            if parent
            else None,
        }
    )


def person_jsonld_data(*, person: Person, request) -> dict:
    """Public fields only: never the e-mail address."""
    url = request.build_absolute_uri(person.get_absolute_url())
    return without_empty(
        {
            "@context": "https://schema.org",
            "@type": "Person",
            "@id": url,
            "url": url,
            "name": person.full_name,
            "givenName": person.first_name,
            "familyName": person.last_name,
            "jobTitle": person.title or None,
            "identifier": person.orcid_url or None,
            "sameAs": person.orcid_url or None,
            "knowsAbout": sorted(tag.name for tag in person.expertise.all()),
            "affiliation": [
                {"@type": "Organization", "name": membership.team.name}
                for membership in person.memberships.all()
                if membership.end_date is None
            ],
        }
    )
