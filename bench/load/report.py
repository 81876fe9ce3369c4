"""Writes bench/results/load.md from locust's `--csv` statistics: requests,
failures and latency percentiles per endpoint.

Usage: python bench/load/report.py <csv prefix> <output.md> <header lines file>
"""

import csv
import sys
from pathlib import Path

COLUMNS = ("50%", "95%", "99%", "100%")


def stats_table(stats_csv: Path) -> list[str]:
    lines = [
        "| endpoint | requests | failures | req/s | p50 ms | p95 ms | p99 ms | max ms |",
        "|---|---|---|---|---|---|---|---|",
    ]
    with stats_csv.open(encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    # Endpoints by name, the aggregated row last.
    rows.sort(key=lambda row: (row["Name"] == "Aggregated", row["Name"]))
    for row in rows:
        name = "**all**" if row["Name"] == "Aggregated" else row["Name"]
        percentiles = " | ".join(row[column] for column in COLUMNS)
        lines.append(
            f"| {name} | {row['Request Count']} | {row['Failure Count']} "
            f"| {float(row['Requests/s']):.1f} | {percentiles} |"
        )
    return lines


def failures(failures_csv: Path) -> list[str]:
    if not failures_csv.exists():
        return []
    with failures_csv.open(encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    if not rows:
        return ["", "No failure."]
    lines = [
        "",
        "## Failures",
        "",
        "| endpoint | error | occurrences |",
        "|---|---|---|",
    ]
    for row in rows:
        lines.append(f"| {row['Name']} | {row['Error']} | {row['Occurrences']} |")
    return lines


def main(prefix: str, output: str, header: str) -> None:
    lines = Path(header).read_text(encoding="utf-8").rstrip().splitlines()
    lines += ["", *stats_table(Path(f"{prefix}_stats.csv"))]
    lines += failures(Path(f"{prefix}_failures.csv"))
    Path(output).write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:4])
