"""Debian's Chromium for browser tests (Playwright cannot download browsers here)."""

from pathlib import Path

from django.conf import settings
from playwright.sync_api import Page

ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts" / "browser"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
]
STEP_TIMEOUT_MS = 10_000


def shot(page: Page, name: str) -> None:
    """Keep a full-page screenshot in test-artifacts/browser/ (ignored by git)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    # caret="initial": Playwright hides the caret with a <style> of its own, which
    # our CSP refuses (a console message that would be blamed on the page).
    page.screenshot(path=ARTIFACTS / f"{name}.png", full_page=True, caret="initial")
