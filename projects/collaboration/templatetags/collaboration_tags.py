"""Blocks other apps' pages include: a team's or a project's open calls."""

from django import template

from projects.collaboration.models import CollaborationCall

register = template.Library()


@register.simple_tag
def open_calls_of(owner) -> list[CollaborationCall]:
    """Visible calls of a team or of a project (none for an unpublished project)."""
    calls = CollaborationCall.objects.public().prefetch_related("domains", "techniques")
    if owner._meta.model_name == "team":
        calls = calls.filter(team=owner)
    else:
        calls = calls.filter(project=owner)
    return list(calls.select_related("project", "team", "dataset")[:10])
