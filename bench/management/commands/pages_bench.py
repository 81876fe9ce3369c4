"""`python manage.py pages_bench`: p50/p95 and query counts of the home, project,
team and organisation pages on the database this process runs on (bench/pages.py),
written to bench/results/pages-<N>.md. Run with DEBUG=false (query capture works
without DEBUG; Django's debug bookkeeping would be measured otherwise)."""

import os
import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from bench import pages
from projects.models import Project

RESULTS_DIR = Path(settings.BASE_DIR) / "bench" / "results"


class Command(BaseCommand):
    help = (
        "Latency p50/p95 and queries of the home, project, team and organisation pages."
    )

    def add_arguments(self, parser):
        parser.add_argument("--sample", type=int, default=20)
        parser.add_argument("--rounds", type=int, default=5)

    def handle(self, *args, sample, rounds, **options):
        if settings.DEBUG:
            raise CommandError("Lancez la mesure avec DEBUG=false.")
        projects = Project.objects.count()
        urls = pages.pages_to_measure(sample=sample)
        results = pages.measure(urls, rounds=rounds)
        command = "python manage.py pages_bench " + " ".join(sys.argv[2:])
        report = pages.report(projects=projects, results=results, command=command)
        load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
        report += f"\n{os.cpu_count()} CPUs, load average {load} at the end.\n"
        RESULTS_DIR.mkdir(parents=True, exist_ok=True)
        path = RESULTS_DIR / f"pages-{projects}.md"
        path.write_text(report, encoding="utf-8")
        self.stdout.write(report)
        self.stdout.write(f"Résultats : {path}")
