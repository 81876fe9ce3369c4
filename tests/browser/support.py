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
    page.screenshot(path=ARTIFACTS / f"{name}.png", full_page=True)
