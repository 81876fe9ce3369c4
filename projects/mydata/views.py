"""/mes-donnees/: thin views over `projects.mydata.selectors`.

Nothing personal is asked or stored: the chosen source travels in the URL only, and
no view here writes to the database, the session or a log of its own."""

from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from projects.mydata import selectors
from registry.models import Dataset


@require_GET
def mydata_index(request):
    query = request.GET.get("q", "")[: selectors.QUERY_MAX_LENGTH].strip()
    if query:
        groups = selectors.mydata_source_groups(
            selectors.mydata_source_search(query=query)
        )
    else:
        groups = selectors.mydata_source_groups()
    return render(
        request,
        "mydata/index.html",
        {
            "query": query,
            "groups": groups,
            "result_count": sum(len(group.sources) for group in groups),
        },
    )


@require_GET
def mydata_suggestions(request):
    query = request.GET.get("q", "")[: selectors.QUERY_MAX_LENGTH]
    return JsonResponse({"suggestions": selectors.mydata_suggestions(query=query)})


@require_GET
def mydata_source(request, slug: str):
    dataset = get_object_or_404(Dataset.objects.select_related("producer"), slug=slug)
    uses = selectors.mydata_source_uses(dataset=dataset)
    return render(
        request,
        "mydata/source.html",
        {"dataset": dataset, "uses": uses, "project_count": len(uses)},
    )
