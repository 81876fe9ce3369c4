"""Rebuild the dashboard's monthly snapshots of past months from the records' dates."""

from django.core.management.base import BaseCommand, CommandError

from portal.core.progress import Progress
from projects.dashboard import snapshots


class Command(BaseCommand):
    help = (
        "Reconstruct the monthly indicator snapshots since a month (YYYY-MM) from "
        "project start dates and evaluation publication dates."
    )

    def add_arguments(self, parser):
        parser.add_argument("--since", required=True, help="first month, YYYY-MM")
        parser.add_argument("--until", help="last month, YYYY-MM (default: last month)")
        parser.add_argument(
            "--replace-live",
            action="store_true",
            help="also overwrite the snapshots taken live by the monthly task",
        )

    def handle(self, *args, since, until=None, replace_live=False, **options):
        try:
            first = snapshots.parse_month(since)
            last = snapshots.parse_month(until) if until else None
        except ValueError as error:
            raise CommandError("Months are written YYYY-MM, e.g. 2019-01.") from error
        progress = Progress(self.stdout, "Instantanés mensuels")
        started = False

        def on_month(done: int, total: int) -> None:
            nonlocal started
            if not started:
                progress.start(total)
                started = True
            progress.update(done)

        counts = snapshots.indicator_snapshots_backfill(
            since=first, until=last, replace_live=replace_live, on_month=on_month
        )
        if started:
            progress.finish()
        self.stdout.write(
            self.style.SUCCESS(
                f"{counts['reconstructed']} mois reconstitués, "
                f"{counts['kept']} relevés mensuels conservés."
            )
        )
