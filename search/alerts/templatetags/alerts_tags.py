"""The "Suivre" button of project, team and dataset pages."""

from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import reverse

from search.alerts.selectors import follow_get, follow_type_name

register = template.Library()


@register.inclusion_tag("alerts/includes/follow_form.html", takes_context=True)
def follow_button(context, target):
    """One query for a signed-in visitor (do they follow it?), none otherwise."""
    request = context.get("request")
    user = getattr(request, "user", None)
    signed_in = bool(user and user.is_authenticated)
    follow = follow_get(user=user, target=target) if signed_in else None
    return {
        "request": request,
        "target": target,
        "target_type": follow_type_name(type(target)),
        "signed_in": signed_in,
        "following": bool(follow and follow.active),
        "hidden": context.get("is_preview", False),
        "csrf_token": context.get("csrf_token"),
        "messages": context.get("messages"),
        "login_url": login_url_for(request),
    }


def login_url_for(request, next_url: str | None = None) -> str:
    """settings.LOGIN_URL, coming back to `next_url` (this page) afterwards."""
    url = resolve_url(settings.LOGIN_URL)
    if next_url is None and request is not None:
        next_url = request.get_full_path()
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


@register.simple_tag(takes_context=True)
def save_search_login_url(context) -> str:
    """Log in, then land on the form saving the search being viewed."""
    request = context.get("request")
    query = request.GET.urlencode() if request else ""
    return login_url_for(request, f"{reverse('alerts:saved_search_new')}?{query}")
