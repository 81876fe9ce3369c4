"""`/collaborateurs/`: find teams to work with; calls search/matching/match.py.

The form posts (an abstract of ~15,000 words does not fit in a URL); the request is
kept under a hash of itself (search.models.SavedMatchRequest, no personal data) and
the browser is sent to `?r=<key>`, a result URL to share or bookmark. A short GET
with the form's fields (links from project and team pages) still works.
"""

import hashlib
import json

from django.http import QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from projects.models import Project
from registry.models import Team
from search.matching.forms import MatchForm
from search.matching.match import MatchInvalid, team_match_list
from search.models import SavedMatchRequest

LIST_FIELDS = (
    "domains",
    "techniques",
    "preferred_institutes",
    "excluded_institutes",
    "have_techniques",
)


def match_request_save(*, payload: dict) -> str:
    """Keep a request and return its key (the same request, the same key)."""
    canonical = json.dumps(payload, sort_keys=True, ensure_ascii=False)
    key = hashlib.sha256(canonical.encode()).hexdigest()[:16]
    SavedMatchRequest.objects.get_or_create(key=key, defaults={"payload": payload})
    return key


def _bound_data(payload: dict) -> QueryDict:
    data = QueryDict(mutable=True)
    for name, value in payload.items():
        if name in LIST_FIELDS:
            data.setlist(name, [str(v) for v in value or ()])
        elif value not in (None, ""):
            data[name] = str(value)
    return data


@require_http_methods(["GET", "HEAD", "POST"])
def matching_page(request):
    if request.method == "POST":
        form = MatchForm(request.POST)
        if form.is_valid():
            key = match_request_save(payload=form.payload())
            return redirect(f"{reverse('search:matching')}?r={key}")
        return _render(request, form, saved=None)
    key = request.GET.get("r", "")[:32]
    if key:
        saved = SavedMatchRequest.objects.filter(key=key).first()
        form = MatchForm(_bound_data(saved.payload) if saved else None)
        return _render(request, form, saved=saved, missing=saved is None)
    return _render(request, MatchForm(request.GET or None), saved=None)


def _render(request, form, *, saved, missing: bool = False):
    context = {"form": form, "saved": saved, "missing_request": missing}
    if form.is_bound and form.is_valid():
        match_request = form.to_request()
        try:
            context["matches"] = team_match_list(request=match_request)
        except MatchInvalid as invalid:
            context["match_errors"] = invalid.errors
        if match_request.project:
            context["source_project"] = (
                Project.objects.public().filter(slug=match_request.project).first()
            )
        if match_request.team:
            context["source_team"] = Team.objects.filter(
                slug=match_request.team
            ).first()
    status = 200
    if missing:
        status = 404
    elif form.is_bound and ("match_errors" in context or form.errors):
        status = 400
    return render(request, "search/matching.html", context, status=status)
