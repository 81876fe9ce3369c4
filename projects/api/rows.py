"""The related rows a project list expands (`?expand=partners,members,datasets,
evaluations`), read as plain dicts for a whole page (portal/core/api/rows.py).

Each loader shows the columns of its serializer in projects/api/serializers.py,
which still documents them; tests/api/test_api_rows.py pins both equal.
"""

from django.utils.module_loading import import_string
from rest_framework import serializers

from portal.core.api.rows import RowsLoader, SerializedRows
from projects.models import (
    ProjectDataset,
    ProjectFunding,
    ProjectMember,
    ProjectPartner,
    ProjectPublication,
)
from projects.models.legal_basis import LEGAL_BASIS_FIELDS
from registry.models import Evaluation

ORGANISATION = ("slug", "name", "acronym", "kind", "ror_id")
TEAM = ("slug", "name", "acronym", "kind", "rnsr")
PERSON = ("slug", "first_name", "last_name", "orcid")
DATASET = ("slug", "name", "acronym", "kind", "access_route")

PARTNER_ROWS = RowsLoader(
    queryset=lambda: ProjectPartner.objects.order_by("pk"),
    parent="project_id",
    fields=("role",),
    nested={"team": TEAM, "organisation": ORGANISATION},
)

MEMBER_ROWS = RowsLoader(
    queryset=lambda: ProjectMember.objects.order_by("pk"),
    parent="project_id",
    fields=("role",),
    nested={"person": PERSON},
)

DATASET_ROWS = RowsLoader(
    queryset=lambda: ProjectDataset.objects.order_by("pk"),
    parent="project_id",
    fields=("purpose", "access_status", *LEGAL_BASIS_FIELDS),
    nested={"dataset": DATASET},
)

# Published evaluations only (`Evaluation.objects.public()`, the one visibility home).
EVALUATION_ROWS = RowsLoader(
    queryset=lambda: Evaluation.objects.public().order_by("-published_on", "reference"),
    parent="project_id",
    fields=(
        "reference",
        "model_version",
        ("evaluator", "evaluator__slug"),
        "verdict",
        "published_on",
    ),
)

FUNDING_ROWS = RowsLoader(
    queryset=lambda: ProjectFunding.objects.order_by("pk"),
    parent="project_id",
    fields=("programme", "grant_reference", "amount_eur"),
    nested={"funder": ORGANISATION},
    order=("funder", "programme", "grant_reference", "amount_eur"),
    # As `FundingSerializer` shows it: text with its two decimals.
    convert={
        "amount_eur": serializers.DecimalField(
            max_digits=12, decimal_places=2
        ).to_representation
    },
)

# A publication's URL comes from its DOI or HAL id (`ProjectPublication.url`).
PUBLICATION_ROWS = SerializedRows(
    queryset=lambda: ProjectPublication.objects.order_by("-year", "title", "pk"),
    parent="project_id",
    serializer=lambda: import_string(
        "projects.api.serializers.PublicationSerializer"
    )(),
)
