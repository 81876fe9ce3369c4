"""Public pages at national scale (issue 15): the home, project, team and
organisation pages of the `make bench` database, timed in-process with Django's test
client (DEBUG off), with their query counts.

The pages measured for each type: the records that show the most (the organisation
and the teams that lead or partner in the most projects, the projects with the most
partners) and a random sample of the rest, each requested `rounds` times after one
warm-up request; the home page as many times as five records. A page's queries
are counted on its warm request: "constant" means the same count for the largest
record as for the smallest.
"""

import random
import statistics
import time
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext

from projects.models import Project
from registry.models import Organisation, Team

# The home page is one page: measured as often as this many records.
HOME_REPEATS = 5


@dataclass
class PageSamples:
    page: str
    timings_ms: list[float] = field(default_factory=list)
    cpu_ms: list[float] = field(default_factory=list)
    queries: list[int] = field(default_factory=list)
    largest: str = ""

    def percentile(self, fraction: float) -> float:
        ordered = sorted(self.timings_ms)
        return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]

    @property
    def p50(self) -> float:
        return statistics.median(self.timings_ms)

    @property
    def p95(self) -> float:
        return self.percentile(0.95)


def pages_to_measure(*, sample: int, seed: int = 15) -> dict[str, list[str]]:
    """URLs per page type: the largest records first, then a random sample."""
    chooser = random.Random(seed)
    organisations = Organisation.objects.annotate(
        led=Count("led_projects", distinct=True)
    ).order_by("-led", "pk")
    teams = Team.objects.annotate(
        led=Count("led_projects", distinct=True),
        partnered=Count("project_partnerships", distinct=True),
    )
    projects = Project.objects.public().annotate(partner_count=Count("partners"))
    by_type = {
        "organisation": list(organisations[:3])
        + chooser.sample(list(organisations[3:]), sample),
        "team": list(teams.order_by("-led", "pk")[:2])
        + list(teams.order_by("-partnered", "pk")[:1])
        + chooser.sample(list(teams), sample),
        "project": list(projects.order_by("-partner_count", "pk")[:3])
        + [
            Project.objects.get(pk=pk)
            for pk in chooser.sample(
                list(Project.objects.public().values_list("pk", flat=True)), sample
            )
        ],
    }
    urls = {
        page: [record.get_absolute_url() for record in records]
        for page, records in by_type.items()
    }
    return {"home": ["/"] * HOME_REPEATS, **urls}


def measure(urls: dict[str, list[str]], *, rounds: int) -> list[PageSamples]:
    client = Client(HTTP_HOST="127.0.0.1")
    results = []
    for page, page_urls in urls.items():
        samples = PageSamples(page=page, largest=page_urls[0])
        for url in page_urls:
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
            with CaptureQueriesContext(connection) as queries:
                client.get(url)
            samples.queries.append(len(queries))
            for _ in range(rounds):
                started, cpu = time.perf_counter(), time.process_time()
                client.get(url)
                samples.timings_ms.append((time.perf_counter() - started) * 1000)
                samples.cpu_ms.append((time.process_time() - cpu) * 1000)
        results.append(samples)
    return results


def report(*, projects: int, results: list[PageSamples], command: str) -> str:
    lines = [
        f"# Public pages at {projects:,} projects".replace(",", " "),
        "",
        f"Command: `{command}`",
        "",
        "In-process (Django test client, DEBUG off, PostgreSQL on 127.0.0.1); each "
        "page requested after one warm-up request. Queries: min–max over the pages "
        "of that type (the largest record included). CPU: this process's own CPU "
        "time per request (median), which a busy machine inflates less than the "
        "wall-clock times (PostgreSQL's time is not in it). The home page is "
        "requested as often as five records.",
        "",
        "| page | pages | requests | p50 ms | p95 ms | max ms | CPU p50 ms "
        "| queries | largest |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for samples in results:
        lines.append(
            f"| {samples.page} | {len(samples.queries)} | {len(samples.timings_ms)} "
            f"| {samples.p50:.1f} | {samples.p95:.1f} | {max(samples.timings_ms):.1f} "
            f"| {statistics.median(samples.cpu_ms):.1f} "
            f"| {min(samples.queries)}–{max(samples.queries)} | `{samples.largest}` |"
        )
    return "\n".join(lines) + "\n"
