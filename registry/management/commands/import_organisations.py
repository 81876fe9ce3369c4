"""Import organisations (hospitals, universities…) from a CSV file of open data."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from registry.models import Organisation
from registry.services import organisation_import_csv


class Command(BaseCommand):
    help = (
        "Importe des organisations depuis un fichier CSV (colonnes : name, ror, "
        "acronym, "
        "kind, city, website). Tout ou rien : une ligne invalide et rien n’est "
        "enregistré."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="fichier CSV en UTF-8 avec en-tête")
        parser.add_argument(
            "--source",
            default="",
            help="provenance enregistrée sur chaque organisation créée",
        )
        parser.add_argument(
            "--kind",
            default=Organisation.Kind.OTHER,
            choices=Organisation.Kind.values,
            help="type des organisations quand la colonne kind est vide",
        )

    def handle(self, *args, file: Path, source: str, kind: str, **options):
        if not file.is_file():
            raise CommandError(f"Fichier introuvable : {file}")
        self.stdout.write(f"Import de {file} …")
        report = organisation_import_csv(
            path=file,
            source=source or file.name,
            default_kind=kind,
            progress=self._progress,
        )
        self.stdout.write("")
        if not report.ok:
            for error in report.errors:
                self.stderr.write(f"  {error}")
            raise CommandError(
                f"{len(report.errors)} erreur(s) : aucune organisation enregistrée."
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"{report.total} ligne(s) : {report.created} créée(s), "
                f"{report.updated} mise(s) à jour, {report.unchanged} inchangée(s)."
            )
        )

    def _progress(self, done: int) -> None:
        self.stdout.write(f"\r  {done} ligne(s) lue(s)", ending="")
        self.stdout.flush()
