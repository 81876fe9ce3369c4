"""`python manage.py pages_bench`: p50/p95 and query counts of the home, project,
team and organisation pages on the database this process runs on (bench/pages.py),
written to bench/results/pages-<N>.md. Run with DEBUG=false (query capture works
without DEBUG; Django's debug bookkeeping would be measured otherwise)."""

import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from bench import pages
from bench.results_file import results_write
from projects.models import Project


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
        path, report = results_write(f"pages-{projects}.md", report)
        self.stdout.write(report)
        self.stdout.write(f"Résultats : {path}")
