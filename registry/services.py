"""Writes to the registry outside the bulk-import engine (projects/imports/): the
demo's datasets, upserted on their name and validated with the model's own
`full_clean()`, so loading them twice changes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction

from registry.models import Dataset, DataStandard, Organisation


def data_standard_get_or_create(*, name: str) -> DataStandard:
    """The standard called `name`, created on first use."""
    standard, _created = DataStandard.objects.get_or_create(name=name)
    return standard


def dataset_upsert(
    *,
    name: str,
    producer: Organisation,
    kind: str,
    description: str,
    access_route: str,
    access_procedure: str,
    acronym: str = "",
    description_en: str = "",
    population: str = "",
    period_start: int | None = None,
    period_end: int | None = None,
    access_url: str = "",
    landing_page: str = "",
    standards: Sequence[str] = (),
    source: str = "",
) -> tuple[Dataset, bool]:
    """Create or update the description of a dataset, keyed on its name.

    Returns the dataset and whether anything was written. Raises ValidationError if the
    description is invalid, leaving the database untouched.
    """
    values = {
        "name": name,
        "acronym": acronym,
        "producer": producer,
        "kind": kind,
        "description": description,
        "description_en": description_en,
        "population": population,
        "period_start": period_start,
        "period_end": period_end,
        "access_route": access_route,
        "access_procedure": access_procedure,
        "access_url": access_url,
        "landing_page": landing_page,
        "source": source,
    }
    with transaction.atomic():
        dataset = Dataset.objects.filter(name=name).first() or Dataset()
        changed = [
            key for key, value in values.items() if getattr(dataset, key, None) != value
        ]
        for key in changed:
            setattr(dataset, key, values[key])
        dataset.full_clean()
        written = dataset.pk is None or bool(changed)
        if written:
            dataset.save()
        wanted = {
            data_standard_get_or_create(name=standard).pk for standard in standards
        }
        if set(dataset.standards.values_list("pk", flat=True)) != wanted:
            dataset.standards.set(wanted)
            written = True
    return dataset, written
