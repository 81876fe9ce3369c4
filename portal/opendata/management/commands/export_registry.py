"""Writes the full exports listed on /donnees/, one file per resource and format.

Each file is written beside its final name and renamed once complete, so the page
never lists a half-written file. Run it from cron (e.g. nightly)."""

from __future__ import annotations

import os
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from portal.opendata.resources import FORMATS, RESOURCES
from portal.opendata.streams import WRITERS

PROGRESS_EVERY = 1000


class Command(BaseCommand):
    help = "Export the published registry to CSV and JSON Lines files (with progress)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            default=None,
            help="Folder to write to (default: settings.OPEN_DATA_EXPORT_DIR).",
        )
        parser.add_argument(
            "resources",
            nargs="*",
            help=f"Resources to export (default: all of {', '.join(RESOURCES)}).",
        )

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        folder = Path(options["output"] or settings.OPEN_DATA_EXPORT_DIR)
        names = options["resources"] or list(RESOURCES)
        unknown = sorted(set(names) - set(RESOURCES))
        if unknown:
            raise CommandError(f"Unknown resources: {', '.join(unknown)}")
        folder.mkdir(parents=True, exist_ok=True)
        for name in names:
            resource = RESOURCES[name]
            total = resource.count()
            for fmt in FORMATS:
                target = folder / f"{name}.{fmt}"
                size = self._write(resource, fmt, target, total)
                self.stdout.write(
                    f"{target.name}: {total} rows, {size} bytes", self.style.SUCCESS
                )

    def _write(self, resource, fmt: str, target: Path, total: int) -> int:
        partial = target.with_name(f".{target.name}.partial")

        def progress(number: int) -> None:
            if self.verbosity >= 1 and (
                number % PROGRESS_EVERY == 0 or number == total
            ):
                percent = 100 * number // total if total else 100
                self.stdout.write(f"  {target.name}: {number}/{total} ({percent} %)")

        with partial.open("w", encoding="utf-8", newline="") as output:
            for chunk in WRITERS[fmt](resource, on_row=progress):
                output.write(chunk)
        os.replace(partial, target)
        return target.stat().st_size
