"""`manage.py import_bench [--rows N] [--kind organisations|people] [--profile FILE]`:
the bulk import's speed on a generated file, rolled back afterwards.

The file is synthetic (unique names, cities, ROR-less organisations; people with
valid ORCIDs), imported through `import_execute` exactly as `import_registry`
would, inside a transaction that is then undone: the database is left as found.
Prints rows per second; `--profile` writes cProfile statistics (see docs/import.md).
"""

import cProfile
import io
import pstats
import time

from django.core.management.base import BaseCommand
from django.db import transaction

from projects.imports.engine import SourceFile, import_execute


def _orcid(number: int) -> str:
    """A valid ORCID (ISO 7064 11,2 check digit) for a sequence number."""
    base = f"{9000_0000_0000_000 + number:015d}"
    total = 0
    for digit in base:
        total = (total + int(digit)) * 2
    check = (12 - total % 11) % 11
    digits = base + ("X" if check == 10 else str(check))
    return "-".join(digits[i : i + 4] for i in range(0, 16, 4))


def bench_file(kind: str, rows: int) -> SourceFile:
    if kind == "organisations":
        lines = ["name,acronym,kind,city,website"] + [
            f"Laboratoire de référence {n},LR{n},other,Ville {n % 500},"
            f"https://lab{n}.example.org"
            for n in range(rows)
        ]
    else:
        lines = ["orcid,first_name,last_name,title"] + [
            f"{_orcid(n)},Prénom{n},Nom{n},Chercheuse" for n in range(rows)
        ]
    return SourceFile(name=f"bench-{kind}.csv", content="\n".join(lines).encode())


class _Undo(Exception):
    pass


class Command(BaseCommand):
    help = "Mesure la vitesse de l’import en masse sur un fichier généré (annulé)."

    def add_arguments(self, parser):
        parser.add_argument("--rows", type=int, default=5000)
        parser.add_argument(
            "--kind", choices=["organisations", "people"], default="organisations"
        )
        parser.add_argument("--profile", default="", help="cProfile statistics file")

    def handle(self, *args, rows, kind, profile, **options):
        source = bench_file(kind, rows)
        profiler = cProfile.Profile() if profile else None
        started = time.perf_counter()
        try:
            with transaction.atomic():
                if profiler:
                    profiler.enable()
                _kind, report = import_execute(files=[source], kind=kind)
                if profiler:
                    profiler.disable()
                elapsed = time.perf_counter() - started
                raise _Undo
        except _Undo:
            pass
        if report.errors:
            self.stderr.write(f"{len(report.errors)} erreurs : {report.errors[:3]}")
        self.stdout.write(
            f"{kind}: {rows} lignes en {elapsed:.1f} s = {rows / elapsed:.0f} lignes/s "
            f"({report.counts.get(kind)})"
        )
        if profiler:
            profiler.dump_stats(profile)
            text = io.StringIO()
            pstats.Stats(profiler, stream=text).sort_stats("cumulative").print_stats(40)
            self.stdout.write(text.getvalue())
