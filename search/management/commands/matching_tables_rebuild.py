"""`python manage.py matching_tables_rebuild`: fill team matching's tables from the
registry (after a bulk load, a taxonomy edit, or on a new database)."""

import time

from django.core.management.base import BaseCommand

from search.matching.store import matching_tables_rebuild


class Command(BaseCommand):
    help = "Recompute team matching's tables (projects, team profiles) from scratch."

    def handle(self, *args, **options):
        started = time.monotonic()
        counts = matching_tables_rebuild()
        self.stdout.write(
            f"{counts['projects']} projects, {counts['teams']} team profiles "
            f"in {time.monotonic() - started:.1f} s"
        )
