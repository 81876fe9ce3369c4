"""`python manage.py engines_bench --projects N`: the database search engines of
`make bench` (bench/engines.py) on the database this process runs on: PostgreSQL
(the bench database) or SQLite (a file of its own). Seeds N synthetic projects if
missing, builds the search entries, times the benchmark queries, and writes
bench/results/engines-<vendor>-<N>.md."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from bench import engines
from bench import search as bench_search
from bench.results_file import results_write
from portal.core.progress import Progress
from search.backends import database_backend
from search.models import SearchEntry


class Command(BaseCommand):
    help = "Latency p50/p95 of the database search engine on N synthetic projects."

    def add_arguments(self, parser):
        parser.add_argument("--projects", type=int, default=10_000)
        parser.add_argument("--rounds", type=int, default=5)
        parser.add_argument("--budget", type=float, default=240)
        parser.add_argument(
            "--reuse-entries",
            action="store_true",
            help="keep the search entries of a previous run (latency only)",
        )

    def handle(self, *args, projects, rounds, budget, reuse_entries, **options):
        name = str(settings.DATABASES["default"]["NAME"])
        if "bench" not in name:
            raise CommandError(
                f"La base « {name} » n’est pas une base de mesure (son nom doit "
                "contenir « bench ») : lancez `make bench`."
            )
        call_command("migrate", interactive=False, verbosity=0)
        if bench_search.bench_projects_count() not in (0, projects):
            raise CommandError(
                f"La base « {name} » contient un autre nombre de projets de mesure : "
                "supprimez-la ou changez --projects."
            )
        progress = Progress(self.stdout, "seed")
        seeded = bench_search.bench_seed(projects=projects, progress=progress.report)
        self.stdout.write(
            f"\n{projects} projets ({'réutilisés' if seeded.reused else 'créés'})"
        )
        backend = database_backend()
        if reuse_entries and SearchEntry.objects.exists():
            build = engines.EntriesBuild(SearchEntry.objects.count(), 0.0)
        else:
            build = engines.entries_build(backend)
        run = engines.engines_run(backend, rounds=rounds, budget=budget)
        report = engines.engines_report(
            projects=projects, build=build, summary=run.summary, medians=run.medians
        )
        path, report = results_write(
            f"engines-{connection.vendor}-{projects}.md", report
        )
        self.stdout.write(report)
        self.stdout.write(f"Résultats : {path}")
