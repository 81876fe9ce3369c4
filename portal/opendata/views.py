"""The /donnees/ page, the live streamed exports and the DCAT catalogue."""

from __future__ import annotations

import datetime
from pathlib import Path

from django.conf import settings
from django.http import Http404, JsonResponse, StreamingHttpResponse
from django.utils import timezone
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from portal.opendata.dcat import dcat_catalogue
from portal.opendata.resources import FORMATS, RESOURCES
from portal.opendata.streams import WRITERS


def export_file(resource_name: str, fmt: str) -> Path:
    return Path(settings.OPEN_DATA_EXPORT_DIR) / f"{resource_name}.{fmt}"


def generated_file_info(resource_name: str, fmt: str) -> dict | None:
    """Size and date of the file `export_registry` last wrote, if any."""
    path = export_file(resource_name, fmt)
    try:
        stat = path.stat()
    except OSError:
        return None
    return {
        "size": stat.st_size,
        "generated_at": datetime.datetime.fromtimestamp(
            stat.st_mtime, tz=datetime.UTC
        ).astimezone(timezone.get_current_timezone()),
    }


class OpenDataView(TemplateView):
    template_name = "opendata/donnees.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["resources"] = [
            {
                "resource": resource,
                "formats": [
                    {"fmt": fmt, "file": generated_file_info(resource.name, fmt)}
                    for fmt in FORMATS
                ],
            }
            for resource in RESOURCES.values()
        ]
        # Said once above the table, not in each of its cells.
        context["some_file_missing"] = any(
            not format["file"]
            for item in context["resources"]
            for format in item["formats"]
        )
        return context


@require_safe
def export_stream(request, resource: str, fmt: str):
    """The whole resource, streamed from the database with constant memory."""
    if resource not in RESOURCES or fmt not in FORMATS:
        raise Http404
    chunks = WRITERS[fmt](RESOURCES[resource])
    response = StreamingHttpResponse(chunks, content_type=FORMATS[fmt])
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = (
        f'attachment; filename="registre-ia-sante-{resource}-{stamp}.{fmt}"'
    )
    return response


@require_safe
def catalogue(request):
    response = JsonResponse(
        dcat_catalogue(request=request), json_dumps_params={"ensure_ascii": False}
    )
    response["Content-Type"] = "application/ld+json; charset=utf-8"
    return response
