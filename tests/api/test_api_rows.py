"""Expanded rows read as plain dicts (portal/core/api/rows.py) equal what the
documented serializers give for the same records, nulls and hidden rows included."""

import json

import pytest
from rest_framework.renderers import JSONRenderer

from projects.api import rows
from projects.api.serializers import (
    DatasetUseSerializer,
    MemberSerializer,
    PartnerSerializer,
    ProjectEvaluationSerializer,
)
from registry.models import Evaluation
from tests.factories.scenarios import rich_project

pytestmark = pytest.mark.django_db


def test_prebuilt_rows_equal_the_serializers_representation():
    project = rich_project()
    other = rich_project()
    expected = {
        "partners": PartnerSerializer(project.partners.order_by("pk"), many=True).data,
        "members": MemberSerializer(project.members.order_by("pk"), many=True).data,
        "datasets": DatasetUseSerializer(
            project.dataset_uses.order_by("pk"), many=True
        ).data,
        "evaluations": ProjectEvaluationSerializer(
            Evaluation.objects.public()
            .filter(project=project)
            .order_by("-published_on", "reference"),
            many=True,
        ).data,
    }
    loaders = {
        "partners": rows.PARTNER_ROWS,
        "members": rows.MEMBER_ROWS,
        "datasets": rows.DATASET_ROWS,
        "evaluations": rows.EVALUATION_ROWS,
    }
    for name, loader in loaders.items():
        loaded = loader.load([project.pk, other.pk])
        assert as_json(loaded[project.pk]) == as_json(expected[name]), name
        assert loaded[project.pk] != loaded[other.pk], name
    # A partner that is an organisation has no team (null, as DRF gives it), and
    # the requested (unpublished) evaluation is not among the rows.
    assert any(row["team"] is None for row in loaded_partners(project))
    assert len(rows.EVALUATION_ROWS.load([project.pk])[project.pk]) == 1


def as_json(data) -> list:
    """As a client reads it (a date is a string once rendered, either way)."""
    return json.loads(JSONRenderer().render(data))


def loaded_partners(project) -> list[dict]:
    return rows.PARTNER_ROWS.load([project.pk])[project.pk]


def test_the_api_list_shows_the_prebuilt_rows(client):
    project = rich_project()
    response = client.get(
        "/api/v1/projects/?expand=partners,members,datasets,evaluations"
    )
    (row,) = response.json()["results"]
    assert row["slug"] == project.slug
    assert row["partners"] == loaded_partners(project)
    assert {member["person"]["slug"] for member in row["members"]} == set(
        project.members.values_list("person__slug", flat=True)
    )
    detail = client.get(f"/api/v1/projects/{project.slug}/?expand=partners").json()
    assert detail["partners"] == row["partners"]
