"""Import organisations (hospitals, universities…) from a CSV file of open data.

Kept for its name: it runs the bulk-import engine (`import_registry --kind
organisations`), so the run, its report and the provenance are recorded the same way.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from portal.core.progress import Progress
from projects.imports.engine import SourceFile
from projects.imports.models import ImportRun
from projects.imports.services import import_run_create, import_run_execute
from registry.models import Organisation


class Command(BaseCommand):
    help = (
        "Importe des organisations depuis un fichier CSV (colonnes : name, ror, "
        "acronym, kind, city, website, parent). Tout ou rien : une ligne invalide et "
        "rien n’est enregistré. Voir aussi import_registry (docs/import.md)."
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
        files = [SourceFile(name=file.name, content=file.read_bytes())]
        run = import_run_create(
            files=files, kind="organisations", source=source or file.name
        )
        progress = Progress(self.stdout, "Organisations")
        run = import_run_execute(
            run=run, files=files, progress=progress.report, defaults={"kind": kind}
        )
        if progress.total:
            progress.finish()
        if run.status != ImportRun.Status.SUCCEEDED:
            for error in run.errors:
                self.stderr.write(
                    f"  ligne {error['row']}, champ « {error['column']} » "
                    f"({error['value']!r}) : {error['reason']}"
                )
            raise CommandError(
                f"{len(run.errors)} erreur(s) : aucune organisation enregistrée."
            )
        numbers = run.counts.get(
            "organisations", {"created": 0, "updated": 0, "unchanged": 0}
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"{sum(numbers.values())} ligne(s) : {numbers['created']} créée(s), "
                f"{numbers['updated']} mise(s) à jour, "
                f"{numbers['unchanged']} inchangée(s)."
            )
        )
