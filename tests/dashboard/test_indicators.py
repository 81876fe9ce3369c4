"""Indicator values against the hand-built scene (tests/dashboard/scene.py); filters
narrow them; drafts and unpublished evaluations never count."""

import pytest
from django.http import QueryDict

from projects.dashboard.filters import dashboard_filters
from projects.dashboard.indicators import indicators_compute

pytestmark = pytest.mark.django_db


def compute(query: str = "") -> dict:
    filters, _filterset = dashboard_filters(query=QueryDict(query))
    return indicators_compute(filters=filters)


def by_label(rows: list[dict], field: str = "value") -> dict:
    return {row["label"]: row[field] for row in rows}


def test_projects_by_institute_status_stage_and_year(scene):
    data = compute()
    institutes = data["projects_by_institute"]
    assert institutes["total"] == 5
    assert by_label(institutes["rows"]) == {
        "Inserm": 3,
        "Inria": 3,
        "CNRS": 1,
        "CEA": 1,
    }
    statuses = {row["key"]: row["value"] for row in data["projects_by_status"]["rows"]}
    assert statuses == {"planned": 1, "active": 3, "completed": 1, "stopped": 0}
    stages = {row["key"]: row["value"] for row in data["projects_by_stage"]["rows"]}
    assert stages == {"research": 1, "clinical_validation": 3, "deployed": 1}
    years = data["projects_by_year"]["rows"]
    assert [(row["label"], row["value"], row["change"]) for row in years] == [
        ("2022", 1, 1),
        ("2023", 1, 0),
        ("2024", 3, 2),
    ]
    assert data["summary"] == {
        "projects": 5,
        "clinical_or_beyond": 4,
        "evaluated": 2,
        "cross_institute": 2,
        "dataset_uses": 3,
    }


def test_a_period_is_compared_with_the_period_before(scene):
    data = compute("year_from=2024&year_to=2024")
    institutes = {row["label"]: row for row in data["projects_by_institute"]["rows"]}
    assert data["projects_by_institute"]["previous_label"] == "2023"
    assert (institutes["Inria"]["value"], institutes["Inria"]["previous"]) == (2, 1)
    assert institutes["Inria"]["change"] == 1
    assert (institutes["Inserm"]["value"], institutes["Inserm"]["previous"]) == (1, 1)
    assert institutes["CNRS"]["value"] == 0
    stages = {row["key"]: row for row in data["projects_by_stage"]["rows"]}
    assert (stages["research"]["value"], stages["research"]["previous"]) == (0, 1)
    # Indicators without a comparison cover the period only: B, C, F.
    assert data["summary"]["projects"] == 3
    assert data["evaluation_coverage"]["total"] == 3


def test_domain_technique_matrix_by_heading(scene):
    matrix = compute()["domain_technique"]
    domains = [row["key"] for row in matrix["domains"]]
    techniques = [row["key"] for row in matrix["techniques"]]
    assert set(domains) == {"oncologie", "cardiologie"}
    assert set(techniques) == {"apprentissage-profond", "vision"}
    cell = {
        (d, t): matrix["values"][i][j]
        for i, d in enumerate(domains)
        for j, t in enumerate(techniques)
    }
    # A's breast cancer counts under its heading, oncology, with C.
    assert cell[("oncologie", "apprentissage-profond")] == 2
    assert cell[("cardiologie", "vision")] == 1  # B only: E is a draft
    assert cell[("oncologie", "vision")] == 0


def test_dataset_usage_and_access(scene):
    datasets = compute()["datasets"]
    rows = {row["name"]: row for row in datasets["datasets"]}
    assert rows["SNDS"]["value"] == 2
    assert (rows["SNDS"]["granted"], rows["SNDS"]["pending"]) == (1, 1)
    assert (rows["EDS"]["value"], rows["EDS"]["refused"]) == (1, 1)
    assert rows["EDS"]["granted"] == 0  # E's granted access is a draft's
    kinds = {row["key"]: row["value"] for row in datasets["kinds"]}
    assert kinds == {"claims": 2, "warehouse": 1}
    assert datasets["access"] == {
        "requested": 3,
        "granted": 1,
        "refused": 1,
        "pending": 1,
        "granted_share": 33.3,
    }


def test_evaluation_coverage_verdicts_and_delay(scene):
    data = compute()
    coverage = data["evaluation_coverage"]
    # TRL ≥ 5: B, C, D, F; published evaluations: B and C (F's is unpublished).
    assert (coverage["total"], coverage["evaluated"], coverage["share"]) == (4, 2, 50.0)
    rows = {row["key"]: (row["total"], row["value"]) for row in coverage["rows"]}
    assert rows == {"clinical_validation": (3, 1), "deployed": (1, 1)}
    verdicts = data["evaluation_verdicts"]
    assert by_label(verdicts["rows"]) == {
        "favorable": 1,
        "favorable avec réserves": 1,
        "défavorable": 0,
    }
    # 100 days (B, completed) and 182 days (C, published date as verdict date).
    assert verdicts["median_days"] == 141
    assert verdicts["delays_counted"] == 2


def test_collaboration_and_network(scene):
    collaboration = compute()["collaboration"]
    # A (Inserm + Inria teams) and C (CEA + Inserm); D's joint unit alone is not.
    assert (collaboration["cross_institute"], collaboration["total"]) == (2, 5)
    assert collaboration["share"] == 40.0
    pairs = {
        frozenset((p["a"], p["b"])): p["value"]
        for p in collaboration["institute_pairs"]
    }
    assert pairs == {frozenset({"Inserm", "Inria"}): 1, frozenset({"CEA", "Inserm"}): 1}
    teams = {team["label"]: team for team in collaboration["teams"]}
    assert teams["INS"]["projects"] == 2  # A and C; E is a draft
    assert teams["MIX"]["institutes"] == ["CNRS", "Inserm"]
    links = {
        frozenset(
            (
                teams_by_key(collaboration)[link["a"]],
                teams_by_key(collaboration)[link["b"]],
            )
        ): link["value"]
        for link in collaboration["links"]
    }
    assert links == {frozenset({"INS", "INR"}): 1, frozenset({"INS", "CEAT"}): 1}


def teams_by_key(collaboration: dict) -> dict:
    return {team["key"]: team["label"] for team in collaboration["teams"]}


def test_funding_by_programme(scene):
    rows = compute()["funding"]["rows"]
    assert [(row["label"], row["value"], row["amount_eur"]) for row in rows] == [
        ("ANR · AAPG", 1, 100_000)
    ]


def test_filters_narrow_every_indicator(scene):
    inria = compute(f"institute={scene.inria.pk}")
    assert inria["summary"]["projects"] == 3  # A, B, F
    assert by_label(inria["projects_by_institute"]["rows"]) == {
        "Inserm": 1,
        "Inria": 3,
        "CNRS": 0,
        "CEA": 0,
    }
    oncology = compute(f"domain={domain_pk('oncologie')}")
    assert oncology["summary"]["projects"] == 2  # A (breast cancer) and C
    vision = compute(f"technique={technique_pk('vision')}")
    assert vision["summary"]["projects"] == 1
    assert vision["evaluation_verdicts"]["total"] == 1
    both = compute(f"institute={scene.cea.pk}&domain={domain_pk('oncologie')}")
    assert both["summary"]["projects"] == 1


def test_institute_count_matches_the_filtered_project_list(scene, client):
    """A bar of the institute chart and the list filtered on it agree."""
    data = compute()
    for institute in (scene.inserm, scene.inria, scene.cnrs, scene.cea):
        response = client.get(f"/projets/?institute={institute.pk}")
        listed = response.context["paginator"].count
        shown = by_label(data["projects_by_institute"]["rows"])[institute.acronym]
        assert shown == listed, institute.acronym


def test_unpublished_data_never_counted(scene):
    before = compute()
    draft = scene.projects["E"]
    draft.live = True
    draft.save()
    after = compute()
    assert after["summary"]["projects"] == before["summary"]["projects"] + 1
    assert (
        after["evaluation_verdicts"]["total"]
        == before["evaluation_verdicts"]["total"] + 1
    )
    assert len(after["funding"]["rows"]) == 2


def test_invalid_filters_are_ignored(scene):
    assert compute("year_from=abc&institute=999999")["summary"]["projects"] == 5


def domain_pk(slug: str) -> int:
    from tests.dashboard.scene import domain

    return domain(slug).pk


def technique_pk(slug: str) -> int:
    from tests.dashboard.scene import technique

    return technique(slug).pk


def test_empty_choices_from_the_form_mean_no_filter(scene):
    data = compute(f"institute={scene.cea.pk}&domain=&technique=&year_from=&year_to=")
    assert data["summary"]["projects"] == 1
