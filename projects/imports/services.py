"""Import runs: record one, execute it (from the command or a Celery task), and read
its progress. The engine does the work; a run is its history entry."""

from __future__ import annotations

import getpass
import logging
from collections.abc import Sequence

from django.contrib.auth.models import AbstractBaseUser
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from portal.core.roles import user_is_moderator
from projects.imports.engine import Progress, SourceFile, import_execute
from projects.imports.models import ImportRun, ImportRunFile

logger = logging.getLogger(__name__)
PROGRESS_KEY = "imports:progress:{run_id}"
# Long enough for a slow import and its last poll; the finished run has the counts.
PROGRESS_TIMEOUT = 6 * 60 * 60


def user_can_import(*, user: AbstractBaseUser) -> bool:
    """Moderators and administrators: an import writes many records at once."""
    return user_is_moderator(user)


def import_run_create(
    *,
    files: Sequence[SourceFile],
    kind: str = "",
    source: str = "",
    dry_run: bool = False,
    file_format: str = "",
    user: AbstractBaseUser | None = None,
    keep_files: bool = False,
) -> ImportRun:
    """A pending run; with `keep_files`, its files wait in the database for a worker."""
    with transaction.atomic():
        run = ImportRun.objects.create(
            user=user,
            kind=kind,
            source=source,
            dry_run=dry_run,
            file_format=file_format,
            file_name=", ".join(file.name for file in files)[:255],
        )
        if keep_files:
            ImportRunFile.objects.bulk_create(
                ImportRunFile(
                    run=run, role=str(position), name=file.name, content=file.content
                )
                for position, file in enumerate(files)
            )
    return run


def import_run_execute(
    *,
    run: ImportRun,
    files: Sequence[SourceFile] | None = None,
    progress: Progress | None = None,
    defaults: dict | None = None,
) -> ImportRun:
    """Run the import a run describes; its status, counts, errors and log follow.

    `files` default to the ones stored with the run, deleted once it is over.
    """
    if files is None:
        files = [
            SourceFile(name=stored.name, content=bytes(stored.content))
            for stored in run.files.order_by("role")
        ]
    run.status, run.started_at = ImportRun.Status.RUNNING, timezone.now()
    run.save(update_fields=["status", "started_at"])

    def report_progress(done: int, total: int) -> None:
        # The import's transaction hides the run's row from other connections until
        # it ends, so progress goes through the cache the polling view reads.
        cache.set(PROGRESS_KEY.format(run_id=run.pk), (done, total), PROGRESS_TIMEOUT)
        if progress:
            progress(done, total)

    try:
        kind, report = import_execute(
            files=files,
            kind=run.kind,
            source=run.source,
            dry_run=run.dry_run,
            file_format=run.file_format,
            user=run.user,
            run=run,
            progress=report_progress,
            defaults=defaults,
        )
    except Exception:
        logger.exception("Import run %s failed", run.pk)
        run.status, run.finished_at = ImportRun.Status.FAILED, timezone.now()
        run.log = "Erreur interne : voir le journal du serveur."
        run.save(update_fields=["status", "finished_at", "log"])
        run.files.all().delete()
        raise
    run.kind = kind
    run.status = ImportRun.Status.SUCCEEDED if report.ok else ImportRun.Status.INVALID
    run.rows_total = report.rows_total
    run.counts = report.counts
    run.errors = [error.as_dict() for error in report.errors]
    who = run.user.get_username() if run.user else f"commande ({getpass.getuser()})"
    run.log = "\n".join([f"Lancé par : {who}", *report.log])
    run.source = run.source or report.source[:255]
    run.finished_at = timezone.now()
    run.save()
    run.files.all().delete()
    return run


def import_run_progress(*, run: ImportRun) -> dict:
    """What the upload page polls: status, rows done of total, and the outcome."""
    done, total = cache.get(PROGRESS_KEY.format(run_id=run.pk), (0, run.rows_total))
    if run.is_finished:
        done = total = run.rows_total
    return {
        "id": run.pk,
        "status": run.status,
        "status_label": str(run.get_status_display()),
        "finished": run.is_finished,
        "done": done,
        "total": total,
        "counts": run.counts,
        "error_count": len(run.errors),
    }
