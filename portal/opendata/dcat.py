"""The DCAT-AP catalogue (JSON-LD) that data.gouv.fr and European portals harvest.

It lists two kinds of datasets: the registry's own open-data exports (one per
resource, with a CSV and a JSON Lines distribution under Licence Ouverte 2.0), and
the health datasets the registry describes (metadata and access procedure only:
their access rights are restricted unless the producer opened them)."""

from __future__ import annotations

from django.urls import reverse

from portal.opendata.resources import RESOURCES
from registry.models import Dataset

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "adms": "http://www.w3.org/ns/adms#",
}
LICENCE = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"
EU = "http://publications.europa.eu/resource/authority"
ACCESS_PUBLIC = {"@id": f"{EU}/access-right/PUBLIC"}
ACCESS_RESTRICTED = {"@id": f"{EU}/access-right/RESTRICTED"}
FRENCH = {"@id": f"{EU}/language/FRA"}
MEDIA_TYPES = {"csv": "text/csv", "jsonl": "application/jsonl"}
PUBLISHER_NAME = "Registre national de l'IA en santé"


def _fr(text) -> dict:
    return {"@value": str(text), "@language": "fr"}


def _export_dataset(resource, absolute) -> dict:
    page = absolute(reverse("opendata:index"))
    return {
        "@id": f"{page}#{resource.name}",
        "@type": "dcat:Dataset",
        "dct:identifier": resource.name,
        "dct:title": _fr(f"{PUBLISHER_NAME} — {resource.label}"),
        "dct:description": _fr(resource.description),
        "dct:accessRights": ACCESS_PUBLIC,
        "dct:language": FRENCH,
        "dct:license": {"@id": LICENCE},
        "dcat:landingPage": {"@id": page},
        "dcat:distribution": [
            {
                "@id": absolute(
                    reverse(
                        "opendata:export",
                        kwargs={"resource": resource.name, "fmt": fmt},
                    )
                ),
                "@type": "dcat:Distribution",
                "dct:format": fmt.upper(),
                "dcat:mediaType": media_type,
                "dcat:downloadURL": {
                    "@id": absolute(
                        reverse(
                            "opendata:export",
                            kwargs={"resource": resource.name, "fmt": fmt},
                        )
                    )
                },
                "dcat:accessURL": {"@id": page},
                "dct:license": {"@id": LICENCE},
            }
            for fmt, media_type in MEDIA_TYPES.items()
        ],
    }


def _health_dataset(dataset: Dataset, absolute) -> dict:
    page = absolute(dataset.get_absolute_url())
    producer = dataset.producer
    described = {
        "@id": page,
        "@type": "dcat:Dataset",
        "dct:identifier": dataset.slug,
        "dct:title": _fr(dataset.name),
        "dct:description": _fr(dataset.description),
        "dct:publisher": {
            "@id": producer.ror_url or absolute(producer.get_absolute_url()),
            "@type": "foaf:Agent",
            "foaf:name": producer.name,
        },
        "dcat:landingPage": {"@id": dataset.landing_page or page},
        "dct:accessRights": ACCESS_PUBLIC
        if dataset.access_route == Dataset.AccessRoute.OPEN
        else ACCESS_RESTRICTED,
        "dcat:keyword": [_fr(dataset.get_kind_display())],
        "dct:conformsTo": [
            {"@type": "dct:Standard", "dct:title": standard.name}
            for standard in dataset.standards.all()
        ],
        "adms:versionNotes": _fr(dataset.access_procedure),
    }
    if dataset.acronym:
        described["dct:alternative"] = dataset.acronym
    if dataset.period_start:
        period = {
            "@type": "dct:PeriodOfTime",
            "dcat:startDate": {
                "@value": f"{dataset.period_start}-01-01",
                "@type": "xsd:date",
            },
        }
        if dataset.period_end:
            period["dcat:endDate"] = {
                "@value": f"{dataset.period_end}-12-31",
                "@type": "xsd:date",
            }
        described["dct:temporal"] = period
    if dataset.access_url:
        described["dcat:distribution"] = [
            {
                "@id": dataset.access_url,
                "@type": "dcat:Distribution",
                "dcat:accessURL": {"@id": dataset.access_url},
                "dct:description": _fr(dataset.get_access_route_display()),
            }
        ]
    return described


def dcat_catalogue(*, request) -> dict:
    absolute = request.build_absolute_uri
    datasets = (
        Dataset.objects.select_related("producer")
        .prefetch_related("standards")
        .order_by("slug")
    )
    return {
        "@context": CONTEXT,
        "@id": absolute(reverse("opendata:catalogue")),
        "@type": "dcat:Catalog",
        "dct:title": _fr(PUBLISHER_NAME),
        "dct:description": _fr(
            "Projets d'intelligence artificielle en santé en France, équipes, jeux "
            "de données et évaluations."
        ),
        "dct:publisher": {"@type": "foaf:Agent", "foaf:name": PUBLISHER_NAME},
        "dct:language": FRENCH,
        "dct:license": {"@id": LICENCE},
        "foaf:homepage": {"@id": absolute("/")},
        "dcat:dataset": [
            *(_export_dataset(resource, absolute) for resource in RESOURCES.values()),
            *(_health_dataset(dataset, absolute) for dataset in datasets),
        ],
    }
