"""Where the benchmark commands write their reports (bench/results/), each ending
with the machine's cores and load: a figure means little without them."""

import os
from pathlib import Path

from django.conf import settings

RESULTS_DIR = Path(settings.BASE_DIR) / "bench" / "results"


def results_write(name: str, report: str) -> tuple[Path, str]:
    """Write `report` with the closing load line to bench/results/<name>; returns
    the path and the text written."""
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    report += f"\n{os.cpu_count()} CPUs, load average {load} at the end.\n"
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    path = RESULTS_DIR / name
    path.write_text(report, encoding="utf-8")
    return path, report
