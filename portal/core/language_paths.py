"""One home for a page path in the active language.

Records give their path in whichever language was active when it was built: the
search index stores French paths (`/projets/x/`), `reverse()` during an English
request gives `/en/projets/x/`. Templates used to prefix `/en` themselves, which
turned the second kind into `/en/en/…` (issue 16). `localized_path` accepts both.
"""

from django.conf import settings
from django.utils.translation import get_language


def _other_prefixes() -> list[str]:
    return [
        f"/{code}/" for code, _ in settings.LANGUAGES if code != settings.LANGUAGE_CODE
    ]


def localized_path(path: str, language: str | None = None) -> str:
    """`path` (a site-relative path, with or without a language prefix) under the
    prefix of `language` (default: the active one); anything else is returned as is."""
    if not path or not path.startswith("/") or path.startswith("//"):
        return path
    for prefix in _other_prefixes():
        if path.startswith(prefix):
            path = path[len(prefix) - 1 :]
            break
    language = (language or get_language() or settings.LANGUAGE_CODE).split("-")[0]
    if language == settings.LANGUAGE_CODE or f"/{language}/" not in _other_prefixes():
        return path
    return f"/{language}{path}"
