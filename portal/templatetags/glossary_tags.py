"""`{% glossary_term "trl" "TRL" project.trl %}`: the term as a link to its glossary entry,
described by a DSFR tooltip holding its short definition."""

import itertools

from django import template
from django.template.loader import render_to_string

from portal.glossary import TERMS_BY_SLUG

register = template.Library()
_fallback_counter = itertools.count(1)


@register.simple_tag(takes_context=True)
def glossary_term(context, slug: str, *parts) -> str:
    """`parts` are joined by a space to make the visible text ("TRL", 8)."""
    text = " ".join(str(part) for part in parts if part not in (None, ""))
    term = TERMS_BY_SLUG[slug]
    # A page may show the same term twice, from several templates: each tooltip
    # needs its own id, so the count lives on the request.
    request = context.get("request")
    if request is None:
        count = next(_fallback_counter)
    else:
        count = getattr(request, "glossary_term_count", 0) + 1
        request.glossary_term_count = count
    return render_to_string(
        "portal/includes/glossary_term.html",
        {"term": term, "text": text or term.name, "tooltip_id": f"def-{slug}-{count}"},
    )
