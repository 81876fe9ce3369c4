"""JSON-LD helpers shared by every page that describes itself to search engines."""

import json

from django.utils.safestring import SafeString, mark_safe


def to_script_json(data: dict) -> SafeString:
    """JSON safe to place inside <script>: no closing tag can be smuggled in."""
    text = json.dumps(data, ensure_ascii=False)
    return mark_safe(
        text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    )


def without_empty(data: dict) -> dict:
    """The same object without the keys that have nothing to say."""
    return {key: value for key, value in data.items() if value not in (None, "", [])}
