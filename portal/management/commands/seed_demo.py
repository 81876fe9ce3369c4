"""Load the demo data: real organisations and datasets, fictional teams and projects."""

import time

from django.core.management.base import BaseCommand

from portal.demo.loader import load_demo
from portal.demo.report import plausibility_report, report_lines
from portal.demo.stats import demo_counts
from projects.dashboard.snapshots import backfill_monthly_snapshots
from search.backends import database_backend
from search.matching.store import matching_tables_rebuild
from search.signals import search_entries_deferred


class Command(BaseCommand):
    help = (
        "Charge les données de démonstration (organisations et jeux de données réels, "
        "équipes, personnes, projets et évaluations fictifs). Peut être relancée : "
        "les données existantes ne sont pas dupliquées."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--report",
            action="store_true",
            help="Affiche ensuite les distributions qui mesurent la vraisemblance "
            "des données (jeux de données par modalité, spécialité des équipes, "
            "délais d’évaluation, appels, cohérence des chiffres).",
        )

    def handle(self, *args, **options):
        started = time.monotonic()
        with search_entries_deferred():
            for warning in load_demo(self.stdout):
                self.stderr.write(self.style.WARNING(warning))
        # Built once here: bulk loads send no signals, and per-row refreshes are slow.
        database_backend().rebuild()
        matching_tables_rebuild()
        counts = demo_counts()
        evaluations = counts["evaluations"]
        lines = [
            f"Organisations : {counts['organisations']}",
            f"Équipes : {counts['teams']}",
            f"Personnes : {counts['people']}",
            f"Jeux de données : {counts['datasets']}",
            f"Projets : {counts['projects_published']} publiés, "
            f"{counts['projects_draft']} brouillons",
            "Évaluations : "
            + ", ".join(f"{status} {count}" for status, count in evaluations.items()),
            "Projets à plusieurs équipes partenaires : "
            f"{counts['multi_partner_pct']} %",
            f"Projets inter-organismes : {counts['cross_institute_pct']} %",
            "Partenariats qui reprennent un duo déjà formé : "
            f"{counts['repeated_pairs_pct']} %",
        ]
        backfill_monthly_snapshots(months=24)  # so that "Tendances" shows a curve
        for line in lines:
            self.stdout.write(line)
        if options["report"]:
            for line in report_lines(plausibility_report()):
                self.stdout.write(line)
        self.stdout.write(
            self.style.SUCCESS(
                f"Données de démonstration chargées en "
                f"{time.monotonic() - started:.1f} s."
            )
        )
