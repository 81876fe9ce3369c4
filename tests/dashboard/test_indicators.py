"""Indicator values against the hand-built scene (tests/dashboard/scene.py); filters
narrow them; drafts and unpublished evaluations never count."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.http import QueryDict

from projects.dashboard.filters import dashboard_filters
from projects.dashboard.indicators import indicators_compute
from projects.dashboard.indicators.maturity import months_between
from projects.models import ProjectDataset
from tests.factories import ProjectFactory

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
        "without_assurance": 2,
    }
    # Lead: the lead organisation, or a tutelle of the lead team (D's joint unit).
    assert by_label(institutes["rows"], "lead") == {
        "Inserm": 2,
        "Inria": 2,
        "CNRS": 1,
        "CEA": 1,
    }
    assert "participe" in institutes["definition"]


def test_a_period_narrows_the_indicators_to_projects_started_in_it(scene):
    data = compute("year_from=2024&year_to=2024")
    institutes = by_label(data["projects_by_institute"]["rows"])
    assert (institutes["Inria"], institutes["Inserm"], institutes["CNRS"]) == (2, 1, 0)
    assert "previous" not in data["projects_by_institute"]["rows"][0]
    # B, C and F started in 2024.
    assert data["summary"]["projects"] == 3
    assert data["evaluation_coverage"]["total"] == 3


def test_only_projects_already_started_count(scene):
    before = compute()
    ProjectFactory(
        acronym="FUTUR",
        lead_organisation=scene.inserm,
        start_date=datetime.date.today() + datetime.timedelta(days=400),
        trl=6,
    )
    ProjectFactory(acronym="SANSDATE", lead_organisation=scene.inserm, start_date=None)
    after = compute()
    assert after["summary"] == before["summary"]
    assert by_label(after["projects_by_institute"]["rows"])["Inserm"] == 3
    assert after["projects_by_year"]["rows"][-1]["label"] == "2024"
    assert "FUTUR" not in [
        row["label"] for row in after["maturity_without_assurance"]["rows"]
    ]
    assert (after["not_started"]["future"], after["not_started"]["undated"]) == (1, 1)
    assert (before["not_started"]["future"], before["not_started"]["undated"]) == (0, 0)


def test_maturity_without_assurance(scene):
    project_d = scene.projects["D"]
    project_d.stage_reached_on = datetime.date(2025, 1, 15)
    project_d.save()
    indicator = compute()["maturity_without_assurance"]
    # TRL ≥ 5 with no published evaluation: D, and F (its evaluation is unpublished).
    rows = {row["label"]: row for row in indicator["rows"]}
    assert set(rows) == {"D", "F"} and indicator["total"] == 2
    assert rows["D"]["lead_institutes"] == ["CNRS", "Inserm"]  # its lead team
    assert rows["F"]["lead_institutes"] == ["Inria"]
    assert rows["D"]["lead_organisation"] == "CHU"  # a hospital, not an institute
    assert rows["D"]["basis"] == "stage_reached_on"
    assert rows["D"]["since"] == "2025-01-15"
    assert rows["F"]["basis"] == "start_date" and rows["F"]["since"] == "2024-03-01"
    today = datetime.date.today()
    assert rows["F"]["months_at_stage"] == months_between(
        datetime.date(2024, 3, 1), today
    )
    assert rows["D"]["stage"] == "validation clinique"
    # Longest at its stage first.
    assert [row["label"] for row in indicator["rows"]] == ["F", "D"]
    assert "ce_class" in rows["D"] and "ai_act_risk" in rows["D"]
    # Filterable like the rest: Inria's projects hold only F.
    inria = compute(f"institute={scene.inria.pk}")["maturity_without_assurance"]
    assert [row["label"] for row in inria["rows"]] == ["F"]


def test_months_between():
    assert months_between(datetime.date(2024, 3, 1), datetime.date(2024, 3, 31)) == 0
    assert months_between(datetime.date(2024, 3, 15), datetime.date(2025, 3, 14)) == 11
    assert months_between(datetime.date(2024, 3, 15), datetime.date(2025, 3, 15)) == 12
    assert months_between(datetime.date(2025, 1, 1), datetime.date(2024, 1, 1)) == 0


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
    # Granted ÷ decided: one granted (A's SNDS), one refused (B's EDS), B's SNDS pends.
    assert datasets["access"] == {
        "requested": 3,
        "granted": 1,
        "refused": 1,
        "pending": 1,
        "decided": 2,
        "undated_decisions": 2,
        "granted_share": 50.0,
        "granted_share_basis": "granted / (granted + refused)",
    }


def test_access_decisions_count_from_their_dates(scene):
    """Reconstructed at a past day, a decision taken later is still pending, and a
    request made later is not yet one; refusals lower the rate."""
    uses = {
        (use.project.acronym, use.dataset.name): use
        for use in ProjectDataset.objects.select_related("project", "dataset")
    }
    granted = uses[("A", "SNDS")]
    granted.access_requested_on = datetime.date(2023, 4, 1)
    granted.access_decided_on = datetime.date(2023, 9, 1)
    granted.save()
    refused = uses[("B", "EDS")]
    refused.access_requested_on = datetime.date(2024, 4, 1)
    refused.access_decided_on = datetime.date(2025, 2, 1)
    refused.save()
    pending = uses[("B", "SNDS")]
    pending.access_requested_on = datetime.date(2024, 6, 1)
    pending.save()

    def access_on(day):
        filters, _filterset = dashboard_filters(as_of=day)
        return indicators_compute(filters=filters)["datasets"]["access"]

    mid_2023 = access_on(datetime.date(2023, 6, 30))
    assert (mid_2023["requested"], mid_2023["pending"], mid_2023["decided"]) == (
        1,
        1,
        0,
    )
    assert mid_2023["granted_share"] is None
    end_2024 = access_on(datetime.date(2024, 12, 31))
    assert (end_2024["requested"], end_2024["granted"], end_2024["pending"]) == (
        3,
        1,
        2,
    )
    assert end_2024["granted_share"] == 100.0
    today = access_on(datetime.date.today())
    assert (today["granted"], today["refused"], today["granted_share"]) == (1, 1, 50.0)
    assert today["undated_decisions"] == 0


def test_a_decision_needs_a_decision_and_follows_the_request(scene):
    use = ProjectDataset.objects.filter(access_status="requested").first()
    use.access_decided_on = datetime.date(2025, 1, 1)
    with pytest.raises(ValidationError):
        use.clean()
    use.access_status = "granted"
    use.access_requested_on = datetime.date(2025, 2, 1)
    with pytest.raises(ValidationError):
        use.clean()
    use.access_requested_on = datetime.date(2024, 12, 1)
    use.clean()


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
    bands = {row["key"]: row["value"] for row in verdicts["delay_bands"]}
    assert bands == {"0-3": 0, "3-6": 1, "6-12": 1, "12+": 0}


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
