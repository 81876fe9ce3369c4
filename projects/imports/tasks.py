"""Background imports: the task re-fetches its run by id and calls the service."""

from celery import shared_task

from projects.imports.models import ImportRun
from projects.imports.services import import_run_execute


@shared_task
def import_run_task(run_id: int) -> str:
    """Execute a pending import run; returns its final status."""
    run = ImportRun.objects.select_related("user").get(pk=run_id)
    if run.status != ImportRun.Status.PENDING:
        return run.status  # a redelivered message: the run already happened
    return import_run_execute(run=run).status
