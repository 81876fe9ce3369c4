"""`manage.py import_registry FILE [FILE] [--kind …] [--dry-run] [--format csv|json]`."""

import logging
from contextlib import contextmanager
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from portal.core.progress import Progress
from projects.imports.engine import SourceFile
from projects.imports.kinds import KINDS
from projects.imports.models import ImportRun
from projects.imports.readers import FORMATS
from projects.imports.services import import_run_create, import_run_execute

TABLE_WIDTHS = (28, 6, 20, 24)
# One INFO line per saved revision (Wagtail) and per eager task (Celery, in
# development): hundreds of lines that would bury the progress bar and the report.
CHATTY_LOGGERS = ("wagtail", "celery.app.trace")


@contextmanager
def _chatty_loggers_quiet():
    loggers = [logging.getLogger(name) for name in CHATTY_LOGGERS]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


class Command(BaseCommand):
    help = (
        "Importe organisations, équipes, personnes, jeux de données ou projets depuis "
        "un fichier CSV ou JSON (colonnes : docs/import.md). Tout ou rien : une "
        "erreur et rien n’est enregistré ; chaque erreur est listée (ligne, colonne, "
        "valeur, raison). Les projets sont importés en brouillon. Pour les "
        "consortiums ANR, donner les deux fichiers (projets et partenaires)."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path, help="fichier(s) à importer")
        parser.add_argument(
            "--kind",
            default="",
            choices=list(KINDS),
            help="type d’enregistrements (par défaut : deviné d’après l’en-tête)",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="tout vérifier et compter sans rien enregistrer",
        )
        parser.add_argument(
            "--format",
            default="",
            choices=FORMATS,
            help="format (par défaut : d’après l’extension ou le contenu)",
        )
        parser.add_argument(
            "--source",
            default="",
            help="provenance et licence enregistrées (par défaut : celles du fichier "
            "s’il est connu, sinon son nom)",
        )

    def handle(self, *args, files, kind, dry_run, format, source, **options):
        for path in files:
            if not path.is_file():
                raise CommandError(f"Fichier introuvable : {path}")
        sources = [
            SourceFile(name=path.name, content=path.read_bytes()) for path in files
        ]
        run = import_run_create(
            files=sources,
            kind=kind,
            source=source,
            dry_run=dry_run,
            file_format=format,
        )
        progress = Progress(self.stdout, "Import")
        with _chatty_loggers_quiet():
            run = import_run_execute(run=run, files=sources, progress=progress.report)
        if progress.total:
            progress.finish()
        if run.status != ImportRun.Status.SUCCEEDED:
            self._errors_write(run)
            raise CommandError(
                f"{len(run.errors)} erreur(s) : rien n’a été enregistré "
                f"(import n° {run.pk})."
            )
        for what, numbers in run.counts.items():
            self.stdout.write(
                f"  {what:<14} {numbers['created']:>5} créé(s)  "
                f"{numbers['updated']:>5} modifié(s)  "
                f"{numbers['unchanged']:>5} inchangé(s)"
            )
        verdict = "Simulation : rien n’a été enregistré" if dry_run else "Import réussi"
        self.stdout.write(
            self.style.SUCCESS(f"{verdict} (import n° {run.pk}, {run.kind}).")
        )
        self.stdout.write(f"Provenance : {run.source}")

    def _errors_write(self, run: ImportRun) -> None:
        headings = ("fichier", "ligne", "colonne", "valeur")
        self.stderr.write(
            "  ".join(h.ljust(w) for h, w in zip(headings, TABLE_WIDTHS, strict=True))
            + "  raison"
        )
        for error in run.errors:
            cells = (
                error["file"],
                str(error["row"]),
                error["column"],
                error["value"],
            )
            self.stderr.write(
                "  ".join(
                    _cut(cell, width).ljust(width)
                    for cell, width in zip(cells, TABLE_WIDTHS, strict=True)
                )
                + "  "
                + error["reason"]
            )


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
