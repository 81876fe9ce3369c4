"""Monthly snapshots of every indicator: taking them, reconstructing past months,
reading the trends back, and comparing today with the end of the previous year."""

import calendar
import datetime
from collections.abc import Callable

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from projects.dashboard.filters import DashboardFilters, dashboard_filters
from projects.dashboard.indicators import indicators_cached, indicators_compute
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
    """The indicators of a past month rebuilt from dates: projects started,
    evaluations published and access requests and decisions dated by the month's end.
    Stages go back one step for projects that reached theirs after the month
    (`stage_reached_on`); statuses are today's: the registry keeps no history."""
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


def backfill_monthly_snapshots(*, months: int = 24) -> dict[str, int]:
    """The last `months` months reconstructed from dates (demo data, a new install):
    project start dates, evaluation publication dates and access decision dates.
    Live snapshots already taken are kept."""
    last = previous_month(timezone.localdate())
    first = last
    for _step in range(months - 1):
        first = previous_month(first)
    return indicator_snapshots_backfill(since=first, until=last)


# The indicators compared with the end of the previous year, and the figures compared.
COMPARED = {
    "projects_by_institute": ("value", "lead"),
    "projects_by_status": ("value",),
    "projects_by_stage": ("value",),
}


def comparison_month(*, filters: DashboardFilters) -> datetime.date:
    """December of the year before the day described: "fin 2025" in 2026."""
    return datetime.date(filters.day.year - 1, 12, 1)


def indicators_compared(*, filters: DashboardFilters, indicators: dict) -> dict:
    """The indicators with, for those of `COMPARED`, the same figure as it stood at
    the end of the previous year, read from that month's snapshot (one query).

    Snapshots describe the whole registry, so a filtered view has no comparison;
    nor has a month without a snapshot. `comparison` says which, for the page and
    the API; `previous` and `change` are then None rather than a made-up figure.
    """
    month = comparison_month(filters=filters)
    label = str(_("fin %(year)s") % {"year": month.year})
    snapshot = None
    if not filters.filtered:
        snapshot = (
            IndicatorSnapshot.objects.filter(month=month)
            .values_list("source", "data")
            .first()
        )
    if snapshot:
        source, past = snapshot
        comparison = {
            "available": True,
            "month": month.strftime("%Y-%m"),
            "label": label,
            "source": source,
            "reason": "",
        }
    else:
        past = {}
        comparison = {
            "available": False,
            "month": month.strftime("%Y-%m"),
            "label": label,
            "source": None,
            "reason": "filtered" if filters.filtered else "no_snapshot",
        }
    compared = dict(indicators)
    for name, fields in COMPARED.items():
        before = {row["key"]: row for row in past.get(name, {}).get("rows", [])}
        rows = []
        for row in indicators[name]["rows"]:
            row = dict(row)
            old = before.get(row["key"])
            for field in fields:
                suffix = "" if field == "value" else f"_{field}"
                if old is None:
                    # Absent from a snapshot: none at the time (institutes are all
                    # listed, so this is a status or stage nobody had).
                    previous = 0 if snapshot else None
                else:
                    previous = old.get(field)  # None in snapshots older than it
                row[f"previous{suffix}"] = previous
                row[f"change{suffix}"] = (
                    None if previous is None else row[field] - previous
                )
            rows.append(row)
        compared[name] = {**indicators[name], "rows": rows}
    compared["comparison"] = comparison
    return compared


def dashboard_data(*, filters: DashboardFilters) -> dict:
    """What the page, the CSV files and the API show: the cached indicators compared
    with the end of the previous year, and the trends (never filtered)."""
    return {
        **indicators_compared(
            filters=filters, indicators=indicators_cached(filters=filters)
        ),
        "trends": indicator_trends(),
    }
