"""Monthly snapshots of every indicator: taking them, reconstructing past months, and
reading the trends back."""

import calendar
import datetime
from collections.abc import Callable

from django.utils import timezone, translation

from projects.dashboard.filters import dashboard_filters
from projects.dashboard.indicators import indicators_compute
from projects.dashboard.models import IndicatorSnapshot

# The headline figures that the trend chart draws, in this order.
TREND_SERIES = ["projects", "clinical_or_beyond", "evaluated", "cross_institute"]


def month_start(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def month_end(month: datetime.date) -> datetime.date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


def previous_month(day: datetime.date) -> datetime.date:
    return month_start(month_start(day) - datetime.timedelta(days=1))


def parse_month(value: str) -> datetime.date:
    """`2019-01` → 1 January 2019; raises ValueError on anything else."""
    return datetime.datetime.strptime(value, "%Y-%m").date()


def indicator_snapshot_record(
    *, month: datetime.date | None = None
) -> IndicatorSnapshot:
    """Store today's indicators as the snapshot of `month` (default: the month just
    ended, since beat runs on the 1st). One row per month: a re-run replaces it."""
    month = month_start(month) if month else previous_month(timezone.localdate())
    with translation.override("fr"):
        filters, _filterset = dashboard_filters()
        data = indicators_compute(filters=filters)
    snapshot, _created = IndicatorSnapshot.objects.update_or_create(
        month=month,
        defaults={"data": data, "source": IndicatorSnapshot.Source.LIVE},
    )
    return snapshot


def indicator_snapshot_reconstruct(*, month: datetime.date) -> IndicatorSnapshot:
    """The indicators of a past month rebuilt from dates: projects started and
    evaluations published by the month's end. Statuses, stages and access decisions
    are today's: the registry keeps no history of them."""
    month = month_start(month)
    with translation.override("fr"):
        filters, _filterset = dashboard_filters(as_of=month_end(month))
        data = indicators_compute(filters=filters)
    snapshot, _created = IndicatorSnapshot.objects.update_or_create(
        month=month,
        defaults={"data": data, "source": IndicatorSnapshot.Source.BACKFILL},
    )
    return snapshot


def indicator_snapshots_backfill(
    *,
    since: datetime.date,
    until: datetime.date | None = None,
    replace_live: bool = False,
    on_month: Callable[[int, int], None] | None = None,
) -> dict[str, int]:
    """Reconstruct every month from `since` to `until` (default: the month just
    ended); months with a live snapshot are kept unless `replace_live`."""
    last = month_start(until) if until else previous_month(timezone.localdate())
    months = []
    month = month_start(since)
    while month <= last:
        months.append(month)
        month = month_start(month_end(month) + datetime.timedelta(days=1))
    live = set(
        IndicatorSnapshot.objects.filter(
            month__in=months, source=IndicatorSnapshot.Source.LIVE
        ).values_list("month", flat=True)
    )
    counts = {"reconstructed": 0, "kept": 0}
    for done, month in enumerate(months, start=1):
        if month in live and not replace_live:
            counts["kept"] += 1
        else:
            indicator_snapshot_reconstruct(month=month)
            counts["reconstructed"] += 1
        if on_month:
            on_month(done, len(months))
    return counts


def indicator_trends() -> dict:
    """The headline figures of every snapshot, oldest first (one query)."""
    rows = []
    for month, source, data in IndicatorSnapshot.objects.order_by("month").values_list(
        "month", "source", "data"
    ):
        summary = data.get("summary", {})
        rows.append(
            {
                "month": month.strftime("%Y-%m"),
                "source": source,
                **{name: summary.get(name, 0) for name in TREND_SERIES},
            }
        )
    return {"rows": rows}
