"""`python manage.py search_index rebuild|reconcile|drain|status [--type …]`."""

import time

from django.core.management.base import BaseCommand, CommandError

from portal.core.progress import Progress
from search.backends import database_backend
from search.client import es_client
from search.documents import DOCUMENTS
from search.indexing import (
    IndexNotBuilt,
    index_rebuild,
    index_reconcile,
    search_outbox_drain,
)
from search.models import SearchOutbox
from search.project_sets import project_facets_memo


class Command(BaseCommand):
    help = (
        "Search indexes: rebuild (the database's search entries, then a new "
        "Elasticsearch index and an alias switch, no downtime), "
        "reconcile (find and fix differences with the database), drain (apply the "
        "outbox now), status."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "action", choices=["rebuild", "reconcile", "drain", "status"]
        )
        parser.add_argument(
            "--type",
            action="append",
            choices=sorted(DOCUMENTS),
            dest="types",
            help="only this type (repeatable)",
        )
        parser.add_argument(
            "--check",
            action="store_true",
            help="reconcile: report differences without fixing them",
        )

    def handle(self, *args, action, types, check, **options):
        if action == "rebuild":
            # The database's own search entries first: they answer without the engine.
            count = database_backend().rebuild()
            self.stdout.write(f"base de données : {count} entrée(s) de recherche")
        client = es_client()
        if client is None:
            if action == "rebuild":
                return
            raise CommandError(
                "ELASTICSEARCH_URL n’est pas configurée : la recherche "
                "utilise la base de données ; seul `rebuild` s’applique."
            )
        types = types or list(DOCUMENTS)
        try:
            getattr(self, f"do_{action}")(types, check=check)
        except IndexNotBuilt as error:
            raise CommandError(
                f"L’index {error} n’existe pas encore : lancez `search_index rebuild`."
            ) from error

    def do_rebuild(self, types, **options):
        # Teams, people and datasets share one reading of the projects' facets.
        with project_facets_memo():
            for search_type in types:
                progress = Progress(self.stdout, search_type)
                started = time.monotonic()
                name = index_rebuild(search_type=search_type, progress=progress.report)
                seconds = time.monotonic() - started
                progress.finish()
                # The whole rebuild of the type, index creation and alias included.
                rate = progress.total / seconds if seconds else 0
                self.stdout.write(
                    f"{search_type}: index {name} en service ({progress.total} "
                    f"documents en {seconds:.1f} s, {rate:.0f} docs/s)"
                )

    def do_reconcile(self, types, check=False, **options):
        total = 0
        for search_type in types:
            report = index_reconcile(search_type=search_type, fix=not check)
            total += report.differences
            self.stdout.write(
                f"{search_type}: {len(report.missing)} manquant(s), "
                f"{len(report.stale)} périmé(s), {len(report.extra)} en trop"
                + ("" if check or not report.differences else " — corrigé(s)")
            )
        if check and total:
            raise CommandError(f"{total} différence(s) entre la base et l’index.")

    def do_drain(self, types, **options):
        report = search_outbox_drain()
        self.stdout.write(
            f"{report.indexed} indexé(s), {report.deleted} supprimé(s), "
            f"{report.failed} en échec, {report.pending} en attente"
        )

    def do_status(self, types, **options):
        client = es_client()
        for search_type in types:
            alias = DOCUMENTS[search_type].alias()
            if client.indices.exists_alias(name=alias):
                index = next(iter(client.indices.get_alias(name=alias)))
                count = client.count(index=alias)["count"]
                self.stdout.write(
                    f"{search_type}: {alias} → {index}, {count} document(s)"
                )
            else:
                self.stdout.write(f"{search_type}: {alias} absent")
        self.stdout.write(f"outbox : {SearchOutbox.objects.count()} en attente")
