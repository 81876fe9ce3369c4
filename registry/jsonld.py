"""schema.org description of a dataset page (metadata only, never the data)."""

from django.utils.safestring import SafeString

from portal.core.jsonld import to_script_json, without_empty
from registry.models import Dataset


def dataset_jsonld(*, dataset: Dataset, request) -> SafeString:
    url = request.build_absolute_uri(dataset.get_absolute_url())
    coverage = ""
    if dataset.period_start:
        coverage = f"{dataset.period_start}/{dataset.period_end or '..'}"
    data = {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "@id": url,
        "url": url,
        "name": dataset.name,
        "alternateName": dataset.acronym or None,
        "description": dataset.description,
        "creator": {
            "@type": "Organization",
            "name": dataset.producer.name,
            "identifier": dataset.producer.ror_url or None,
        },
        "temporalCoverage": coverage or None,
        "isAccessibleForFree": dataset.access_route == Dataset.AccessRoute.OPEN,
        "conditionsOfAccess": dataset.access_procedure,
        "sameAs": dataset.landing_page or None,
        "measurementTechnique": [standard.name for standard in dataset.standards.all()],
        # Who answers for the data and where people are told of their use (issue 18).
        "maintainer": {"@type": "Organization", "name": dataset.data_controller}
        if dataset.data_controller
        else None,
        "usageInfo": dataset.information_url or None,
    }
    return to_script_json(without_empty(data))
