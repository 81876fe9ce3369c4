"""Monthly snapshots: the beat task is idempotent per month, the backfill rebuilds past
months from dates and keeps live snapshots, and the trend chart reads them."""

import datetime
import io

import pytest
from django.conf import settings
from django.core.management import call_command

from projects.dashboard.models import IndicatorSnapshot
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
