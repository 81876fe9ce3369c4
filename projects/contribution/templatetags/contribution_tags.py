"""Links of the researchers' space on public pages (the project page)."""

from django import template

from projects.contribution.permissions import can_edit

register = template.Library()


@register.simple_tag(takes_context=True)
def contribution_links(context, project) -> dict:
    """What the visitor may do with this project; nothing is asked for anonymous
    visitors, so public pages keep their query count."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or project is None:
        return {"can_edit": False}
    return {"can_edit": can_edit(user=user, project=project)}
