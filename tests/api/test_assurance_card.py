"""Assurance cards: one per published evaluation, every key documented."""

from pathlib import Path

import pytest

from tests.factories.scenarios import rich_project

pytestmark = pytest.mark.django_db

CROSSWALK = (
    Path(__file__).resolve().parents[2]
    / "projects"
    / "evaluations"
    / "api"
    / "ASSURANCE_CARD.md"
)


def test_a_card_holds_the_system_the_data_and_the_scores(client):
    project = rich_project(ai_act_risk="high", ce_class="IIa")
    evaluation = project.evaluations.get(status="published")
    response = client.get(f"/api/v1/evaluations/{evaluation.reference}/card/")
    assert response.status_code == 200 and response["ETag"]
    card = response.json()
    assert card["reference"] == evaluation.reference
    assert card["system"]["ai_act_risk_level"] == "high"
    assert card["system"]["medical_device_class"] == "IIa"
    assert card["data"] and card["criteria"]
    assert {c["score"] for c in card["criteria"]} == {70}


def test_every_card_key_is_in_the_crosswalk(client):
    project = rich_project()
    evaluation = project.evaluations.get(status="published")
    card = client.get(f"/api/v1/evaluations/{evaluation.reference}/card/").json()
    documented = CROSSWALK.read_text(encoding="utf-8")
    for key in card:
        assert f"`{key}`" in documented, key
    for section in ("system", "evaluation"):
        for key in card[section]:
            assert f"`{section}.{key}`" in documented, f"{section}.{key}"


def test_no_card_for_an_unpublished_evaluation(client):
    project = rich_project()
    pending = project.evaluations.exclude(status="published").get()
    response = client.get(f"/api/v1/evaluations/{pending.reference}/card/")
    assert response.status_code == 404
