"""The dashboard page and its CSV downloads; the numbers come from `indicators`."""

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.views.generic import TemplateView

from portal.core.csv_safety import formula_safe_writer
from projects.dashboard.blocks import BUILDERS, dashboard_sections
from projects.dashboard.blocks.base import comparison_note
from projects.dashboard.filters import dashboard_filter_errors, dashboard_filters
from projects.dashboard.snapshots import dashboard_data


def indicator_csv_response(*, request: HttpRequest, indicator: str) -> HttpResponse:
    """One indicator's table as CSV (UTF-8 with a BOM, so spreadsheets read accents).

    An invalid filter is a 400 with the API's error list, never a silently
    unfiltered file that could be mistaken for the filtered one.
    """
    if indicator not in BUILDERS:
        raise Http404("Unknown indicator")
    filters, filterset = dashboard_filters(query=request.GET)
    errors = dashboard_filter_errors(filterset)
    if errors:
        return JsonResponse({"errors": errors}, status=400)
    block = BUILDERS[indicator](dashboard_data(filters=filters))
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="tableau-de-bord-{indicator}.csv"'
    )
    response.write("\ufeff")
    writer = formula_safe_writer(response)
    writer.writerow(block.columns)
    for row in block.csv:
        writer.writerow(["" if cell.value is None else cell.value for cell in row])
    return response


def dashboard_csv(request: HttpRequest, indicator: str) -> HttpResponse:
    return indicator_csv_response(request=request, indicator=indicator)


class DashboardView(TemplateView):
    """/tableau-de-bord/: every indicator with its chart, table and reading.

    `?format=csv&indicator=<name>` downloads one indicator, like `<name>.csv`.
    """

    template_name = "dashboard/dashboard.html"

    def get(self, request, *args, **kwargs):
        if request.GET.get("format") == "csv":
            return indicator_csv_response(
                request=request, indicator=request.GET.get("indicator", "")
            )
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filters, filterset = dashboard_filters(query=self.request.GET)
        data = dashboard_data(filters=filters)
        context.update(
            {
                "filter": filterset,
                "filters": filters,
                "sections": dashboard_sections(data=data),
                "summary": data["summary"],
                "not_started": data["not_started"],
                "comparison_note": comparison_note(data["comparison"]),
                "computed_on": data["computed_on"],
                "active_filters": _active_filter_labels(filterset),
                "choices": {
                    name: _choices(filterset, name, filters.selection[name])
                    for name in ("institute", "domain", "technique")
                },
            }
        )
        return context


def _choices(filterset, name: str, selected: list[int]) -> list[dict]:
    """The options of a filter with their selected state, for the form's widgets."""
    options = []
    for value, label in filterset.form.fields[name].choices:
        pk = getattr(value, "value", value)
        if pk in ("", None):
            continue
        options.append({"value": pk, "label": label, "selected": pk in selected})
    return options


def _active_filter_labels(filterset) -> list[str]:
    """ "Institut : Inserm" and the like, printed above the indicators."""
    if not filterset.is_bound or not filterset.is_valid():
        return []
    labels = []
    for name, value in filterset.form.cleaned_data.items():
        if not value:
            continue
        field = filterset.form.fields[name]
        if name in ("institute", "domain", "technique"):
            shown = ", ".join(
                item.short_name if name == "institute" else item.display_name
                for item in value
            )
        else:
            shown = str(int(value))
        labels.append(f"{field.label} : {shown}")
    return labels
