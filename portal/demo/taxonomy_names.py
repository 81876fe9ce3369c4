"""The French names of the domains and techniques, read from the taxonomies' file so
that a team's description says what the portal's filters say."""

import functools
import json

from django.conf import settings

TAXONOMIES = settings.BASE_DIR / "projects" / "data" / "taxonomies.json"


@functools.cache
def _names() -> dict[str, dict[str, str]]:
    found = json.loads(TAXONOMIES.read_text("utf-8"))
    names: dict[str, dict[str, str]] = {}
    for kind, terms in found.items():
        names[kind] = {}
        for slug, name, _english, children in terms:
            names[kind][slug] = name
            for child_slug, child_name, _child_english in children:
                names[kind][child_slug] = child_name
    return names


def domain_names(slugs: list[str]) -> list[str]:
    return [_names()["domains"][slug] for slug in slugs]


def technique_names(slugs: list[str]) -> list[str]:
    return [_names()["techniques"][slug] for slug in slugs]
