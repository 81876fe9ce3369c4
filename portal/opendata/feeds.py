"""Atom feeds of newly published projects and evaluations.

Both take the project list's query parameters (`projects.filters.ProjectFilter`):
`/flux/projets.atom?domain=3&stage=research` follows one slice of the registry."""

from __future__ import annotations

import datetime

from django.contrib.syndication.views import Feed
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from projects.feed_items import ProjectFeedItems
from projects.filters import ProjectFilter
from projects.models import Project
from registry.models import Evaluation

FEED_LENGTH = 50


def _filtered_projects(request):
    return ProjectFilter(request.GET or None, queryset=Project.objects.public()).qs


class ProjectFeed(ProjectFeedItems, Feed):
    feed_type = Atom1Feed
    title = _("Registre IA santé — nouveaux projets publiés")
    subtitle = _("Les derniers projets publiés dans le registre national.")

    def get_object(self, request, *args, **kwargs):
        return request

    def link(self, request):
        return reverse("projects:project_list")

    def items(self, request):
        return (
            _filtered_projects(request)
            .select_related("lead_organisation")
            .order_by(F("first_published_at").desc(nulls_last=True), "-pk")[
                :FEED_LENGTH
            ]
        )

    def item_description(self, project: Project) -> str:
        return strip_tags(project.summary)

    def item_categories(self, project: Project):
        return [project.get_status_display()]


class EvaluationFeed(Feed):
    feed_type = Atom1Feed
    title = _("Registre IA santé — évaluations publiées")
    subtitle = _("Les dernières évaluations publiées, par projet.")

    def get_object(self, request, *args, **kwargs):
        return request

    def link(self, request):
        return reverse("registry:evaluation_list")

    def items(self, request):
        projects = _filtered_projects(request)
        return (
            Evaluation.objects.public()
            .filter(project__in=projects.values("pk"))
            .select_related("project", "evaluator")
            .order_by(F("published_on").desc(nulls_last=True), "reference")[
                :FEED_LENGTH
            ]
        )

    def item_title(self, evaluation: Evaluation) -> str:
        return f"{evaluation.project} — {evaluation.get_verdict_display()}"

    def item_description(self, evaluation: Evaluation) -> str:
        return evaluation.summary

    def item_pubdate(self, evaluation: Evaluation):
        day = evaluation.published_on or evaluation.requested_on
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))

    def item_updateddate(self, evaluation: Evaluation):
        return evaluation.updated_at

    def item_author_name(self, evaluation: Evaluation) -> str:
        return evaluation.evaluator.name
