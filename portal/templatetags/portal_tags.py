"""Small template helpers of the portal's own."""

from django import template
from django.core.cache import cache
from django.forms import BaseForm, BaseFormSet
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from portal.core.language_paths import localized_path

register = template.Library()

# The footer's editorial pages: renamed or moved, their links follow within this.
FOOTER_LINK_SECONDS = 300


@register.simple_tag
def colon() -> str:
    """A colon set as the page's language wants it: French puts a (non-breaking)
    space before it, English does not."""
    return "\u00a0:" if (get_language() or "fr").startswith("fr") else ":"


@register.filter
def localized(path: str) -> str:
    """A site path in the page's language, whether it came with a prefix or not."""
    return localized_path(path)


@register.simple_tag(takes_context=True)
def form_error_prefix(context) -> str:
    """ "Erreur : " when the page shows a form (or formset) it refused, for the start
    of <title> (RGAA 8.6: the title says the submission failed). Only those already
    validated by their view count: asking `.errors` of another would run its clean()."""
    for value in context.flatten().values():
        if isinstance(value, BaseForm):
            refused = value.is_bound and value._errors
        elif isinstance(value, BaseFormSet):
            refused = value.is_bound and value._errors is not None
            refused = refused and value.total_error_count()
        else:
            continue
        if refused:
            return f"{_('Erreur')}{colon()} "
    return ""


@register.simple_tag(takes_context=True)
def footer_slugurl(context, slug: str) -> str:
    """Wagtail's `slugurl`, kept in the cache: every public page links to the same
    editorial pages, which Wagtail finds in four queries a page."""
    from wagtail.templatetags.wagtailcore_tags import slugurl

    request = context.get("request")
    host = request.get_host() if request else ""
    key = f"footer-link:{host}:{get_language()}:{slug}"
    url = cache.get(key)
    if url is None:
        url = slugurl(context, slug) or ""
        cache.set(key, url, FOOTER_LINK_SECONDS)
    return url
