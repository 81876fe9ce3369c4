"""axe-core (from the npm registry, tests/browser/axe/package-lock.json, installed by
scripts/browser-deps) injected into a Playwright page, on the WCAG 2.1 A and AA rules."""

from pathlib import Path

import pytest
from playwright.sync_api import Page

AXE_SCRIPT = Path(__file__).parent / "axe" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_script_or_fail() -> Path:
    if not AXE_SCRIPT.exists():
        pytest.fail(
            f"{AXE_SCRIPT} is missing: run scripts/browser-deps (make test does)"
        )
    return AXE_SCRIPT


def axe_violations(page: Page) -> list[dict]:
    """The violations on the page as it is now: id, impact, help and the first
    targets, enough to find the element from a test report."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(axe_script_or_fail()))
    result = page.evaluate(
        """tags => axe.run(document, {
            runOnly: {type: "tag", values: tags},
            resultTypes: ["violations"],
        })""",
        WCAG_TAGS,
    )
    return [
        {
            "id": violation["id"],
            "impact": violation["impact"],
            "help": violation["help"],
            "nodes": len(violation["nodes"]),
            "targets": [node["target"] for node in violation["nodes"][:3]],
        }
        for violation in result["violations"]
    ]


def page_overflow(page: Page) -> int:
    """How many CSS pixels the page is wider than the window (0 when it fits)."""
    return page.evaluate(
        "Math.max(0, document.documentElement.scrollWidth - window.innerWidth)"
    )


def same_origin_links(page: Page) -> set[str]:
    """The site paths (with query) the page links to."""
    return set(
        page.evaluate(
            """() => Array.from(document.querySelectorAll("a[href]"))
                .map(a => new URL(a.getAttribute("href"), location.href))
                .filter(url => url.origin === location.origin)
                .map(url => url.pathname + url.search)"""
        )
    )
