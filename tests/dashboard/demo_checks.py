"""What the demo must give the dashboard, checked by tests/portal/test_seed_demo.py
right after its (single, slow) `seed_demo` run."""

from projects.dashboard.models import IndicatorSnapshot
from projects.dashboard.snapshots import TREND_SERIES, indicator_trends


def check_demo_trends() -> None:
    """24 backfilled months, each curve never going down (projects start and
    evaluations are published, never the reverse), and real figures in them."""
    rows = indicator_trends()["rows"]
    assert len(rows) == 24
    assert IndicatorSnapshot.objects.filter(source="backfill").count() == 24
    for name in TREND_SERIES:
        values = [row[name] for row in rows]
        assert values == sorted(values), name
    assert rows[-1]["projects"] > rows[0]["projects"] > 0
    assert rows[-1]["evaluated"] > 0
