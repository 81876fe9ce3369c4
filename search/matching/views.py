"""`/collaborateurs/`: find teams to work with; calls search/matching/match.py."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from projects.models import Project
from registry.models import Team
from search.matching.forms import MatchForm
from search.matching.match import MatchInvalid, team_match_list


@require_GET
def matching_page(request):
    form = MatchForm(request.GET or None)
    context = {"form": form}
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
    status = (
        400 if form.is_bound and ("match_errors" in context or form.errors) else 200
    )
    return render(request, "search/matching.html", context, status=status)
