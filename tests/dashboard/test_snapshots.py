"""Monthly snapshots: the beat task is idempotent per month, the backfill rebuilds past
months from dates and keeps live snapshots, and the trend chart reads them."""

import datetime
import io

import pytest
from django.conf import settings
from django.core.management import call_command

from projects.dashboard.models import IndicatorSnapshot
from projects.dashboard.snapshots import (
    TREND_SERIES,
    backfill_monthly_snapshots,
    indicator_snapshot_reconstruct,
)
from projects.dashboard.tasks import indicator_snapshot_take

pytestmark = pytest.mark.django_db


def test_the_task_is_idempotent_for_a_month(scene):
    indicator_snapshot_take.delay("2026-01")
    indicator_snapshot_take.delay("2026-01")
    assert IndicatorSnapshot.objects.count() == 1
    snapshot = IndicatorSnapshot.objects.get()
    assert snapshot.month == datetime.date(2026, 1, 1)
    assert snapshot.source == "live"
    assert snapshot.data["summary"]["projects"] == 5
    assert snapshot.data["projects_by_status"]["rows"][0]["label"] == "prévu"

    # A later run the same month replaces the figures, it does not add a row.
    scene.projects["E"].live = True
    scene.projects["E"].save()
    indicator_snapshot_take.delay("2026-01")
    assert IndicatorSnapshot.objects.get().data["summary"]["projects"] == 6


def test_without_a_month_the_task_records_the_month_just_ended(scene):
    indicator_snapshot_take.delay()
    today = datetime.date.today()
    expected = (today.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
    assert IndicatorSnapshot.objects.get().month == expected


def test_the_task_is_scheduled_monthly():
    entry = settings.CELERY_BEAT_SCHEDULE["indicator-snapshot-monthly"]
    assert entry["task"] == indicator_snapshot_take.name
    assert entry["schedule"].day_of_month == {1}


def test_backfill_rebuilds_past_months_from_dates_and_keeps_live_ones(scene):
    indicator_snapshot_take.delay("2024-06")
    out = io.StringIO()
    call_command(
        "indicator_snapshots_backfill",
        "--since",
        "2024-01",
        "--until",
        "2024-12",
        stdout=out,
    )
    assert "12/12" in out.getvalue()
    assert "11 mois reconstitués, 1 relevés mensuels conservés" in out.getvalue()
    snapshots = {s.month.month: s for s in IndicatorSnapshot.objects.all()}
    assert len(snapshots) == 12
    assert snapshots[6].source == "live"
    # By the end of February 2024 only D (2022) and A (2023) had started.
    assert snapshots[2].data["summary"]["projects"] == 2
    assert snapshots[12].data["summary"]["projects"] == 5
    # Evaluations count from their publication date: none was published in 2024.
    assert snapshots[12].data["summary"]["evaluated"] == 0


def test_backfill_rejects_a_malformed_month(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("indicator_snapshots_backfill", "--since", "janvier")


def test_trend_chart_and_table_read_the_snapshots(scene, client):
    call_command(
        "indicator_snapshots_backfill",
        "--since",
        "2023-01",
        "--until",
        "2025-12",
        stdout=io.StringIO(),
    )
    html = client.get("/tableau-de-bord/").content.decode()
    assert 'id="chart-trends"' in html and "<polyline" in html
    assert (
        "De 2023-01 à 2025-12, le nombre de projets publiés est passé de 1 à 5." in html
    )
    payload = client.get("/api/v1/indicators/").json()
    assert len(payload["trends"]["rows"]) == 36


def test_previous_period_is_the_snapshot_of_the_end_of_last_year(scene, client):
    """The comparison is the same indicator as it stood at the end of last year,
    read from that month's snapshot; none without one, none on a filtered view."""
    last_december = datetime.date(datetime.date.today().year - 1, 12, 1)
    indicator_snapshot_take.delay(last_december.strftime("%Y-%m"))
    # Since then B became a draft and E was published.
    scene.projects["B"].live = False
    scene.projects["B"].save()
    scene.projects["E"].live = True
    scene.projects["E"].save()
    payload = client.get("/api/v1/indicators/").json()
    assert payload["comparison"]["available"] is True
    assert payload["comparison"]["month"] == last_december.strftime("%Y-%m")
    rows = {
        r["label"]: r for r in payload["indicators"]["projects_by_institute"]["rows"]
    }
    # Inria: A, B, F then; A, F and E (a partner team) now.
    assert (rows["Inria"]["previous"], rows["Inria"]["value"]) == (3, 3)
    # Inserm: A, C, D then; A, C, D, E now.
    assert (rows["Inserm"]["previous"], rows["Inserm"]["value"]) == (3, 4)
    assert rows["Inserm"]["change"] == 1
    assert (rows["Inria"]["previous_lead"], rows["Inria"]["lead"]) == (2, 1)
    html = client.get("/tableau-de-bord/").content.decode()
    assert f"tel qu’il était à la fin de {last_december:%Y-%m}" in html

    filtered = client.get(f"/api/v1/indicators/?institute={scene.inria.pk}").json()
    assert filtered["comparison"] == filtered["comparison"] | {
        "available": False,
        "reason": "filtered",
    }
    row = filtered["indicators"]["projects_by_institute"]["rows"][0]
    assert row["previous"] is None and row["change"] is None


def test_backfilled_months_give_trends(scene, client):
    counts = backfill_monthly_snapshots(months=36)
    assert counts == {"reconstructed": 36, "kept": 0}
    trends = client.get("/api/v1/indicators/").json()["trends"]["rows"]
    assert len(trends) == 36
    # Projects start and evaluations are published, never the reverse: the
    # reconstructed curves never go down.
    for name in TREND_SERIES:
        values = [row[name] for row in trends]
        assert values == sorted(values), name
    assert trends[-1]["projects"] == 5 and trends[-1]["evaluated"] == 2
    assert trends[0]["projects"] < trends[-1]["projects"]
    # A second run keeps nothing twice.
    backfill_monthly_snapshots(months=36)
    assert IndicatorSnapshot.objects.count() == 36
    rows = client.get("/tableau-de-bord/trends.csv").content.decode("utf-8-sig")
    assert len(rows.strip().splitlines()) == 37


def test_a_past_month_counts_a_project_in_the_stage_it_had_then(scene):
    # C (TRL 8: deployed today) started in 2024; at the end of 2024 it counts as
    # deployed only if it had reached deployment by then, else one stage back.
    deployed = scene.projects["C"]

    def stages_end_of_2024(reached: datetime.date) -> dict[str, int]:
        deployed.stage_reached_on = reached
        deployed.save()
        data = indicator_snapshot_reconstruct(month=datetime.date(2024, 12, 1)).data
        return {row["key"]: row["value"] for row in data["projects_by_stage"]["rows"]}

    later = stages_end_of_2024(datetime.date(2025, 3, 10))
    earlier = stages_end_of_2024(datetime.date(2024, 6, 1))
    assert earlier["deployed"] == later["deployed"] + 1
    assert earlier["clinical_validation"] == later["clinical_validation"] - 1
    assert earlier["research"] == later["research"]
