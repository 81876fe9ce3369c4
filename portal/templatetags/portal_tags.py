"""Small template helpers of the portal's own."""

from django import template
from django.utils.translation import get_language

register = template.Library()


@register.simple_tag
def colon() -> str:
    """A colon set as the page's language wants it: French puts a (non-breaking)
    space before it, English does not."""
    return "\u00a0:" if (get_language() or "fr").startswith("fr") else ":"
