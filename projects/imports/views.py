"""Admin pages of imports: history, upload, a run's progress and report, templates.

Moderators and administrators only. The upload hands the run to a Celery task after
commit; the run's page polls a small JSON view until the report is ready.
"""

from __future__ import annotations

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from portal.core.queue import task_enqueue
from projects.imports.engine import SourceFile
from projects.imports.forms import ImportUploadForm
from projects.imports.models import ImportRun
from projects.imports.services import (
    import_run_create,
    import_run_progress,
    user_can_import,
)
from projects.imports.tasks import import_run_task
from projects.imports.templates_files import TEMPLATE_COLUMNS, template_csv

RUNS_PER_PAGE = 25


def importers_only(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not user_can_import(user=request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


@importers_only
def run_list(request):
    runs = ImportRun.objects.select_related("user").defer("log", "errors")
    page = Paginator(runs, RUNS_PER_PAGE).get_page(request.GET.get("p"))
    return render(
        request,
        "imports/run_list.html",
        {"page": page, "templates": list(TEMPLATE_COLUMNS)},
    )


@importers_only
def run_create(request):
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        files = [SourceFile(name=data["file"].name, content=data["file"].read())]
        if data.get("partners_file"):
            partners = data["partners_file"]
            files.append(SourceFile(name=partners.name, content=partners.read()))
        run = import_run_create(
            files=files,
            kind=data["kind"],
            source=data["source"],
            dry_run=data["dry_run"],
            file_format=data["file_format"],
            user=request.user,
            keep_files=True,
        )
        run_id = run.pk
        task_enqueue(import_run_task, run_id)
        return redirect("imports:run_detail", pk=run.pk)
    return render(
        request,
        "imports/run_create.html",
        {"form": form, "templates": list(TEMPLATE_COLUMNS)},
    )


@importers_only
def run_detail(request, pk: int):
    run = get_object_or_404(ImportRun.objects.select_related("user"), pk=pk)
    return render(
        request,
        "imports/run_detail.html",
        {
            "run": run,
            "progress": import_run_progress(run=run),
            "progress_url": reverse("imports:run_progress", kwargs={"pk": run.pk}),
        },
    )


@importers_only
def run_progress(request, pk: int):
    run = get_object_or_404(ImportRun.objects.defer("log"), pk=pk)
    return JsonResponse(import_run_progress(run=run))


@importers_only
def template_download(request, name: str):
    if name not in TEMPLATE_COLUMNS:
        raise Http404
    response = HttpResponse(template_csv(name=name), content_type="text/csv")
    response["Content-Disposition"] = f'attachment; filename="modele-{name}.csv"'
    return response
