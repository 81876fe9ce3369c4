"""Comparing two refusal pages: equal once what differs by construction is gone."""

import re


def page_shape(response, asked: str) -> str:
    """The page without the masked CSRF token and without `asked` (the path or
    slug requested, repeated in the header's « next » links)."""
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.text)
    return html.replace(asked, "<asked>")
