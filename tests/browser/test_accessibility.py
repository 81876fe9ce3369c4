"""Keep it fixed (issue 16): every public page type, in French and English, at 1280 px
and 390 px, in Chromium with axe-core on the WCAG 2.1 A/AA rules: no violation but the
known ones listed below, no page wider than the window, no link of an /en/ page to a
404. A full-page screenshot of each page type at both widths lands in
test-artifacts/screenshots/ and the figures in test-artifacts/accessibility.md.

One scene per module (tests/browser/a11y_scene.py), served by a live server of the
module's own; one browser; one page per (language, width) test. The scene needs the
data-migration rows (taxonomies, CMS pages): run with --create-db, as `make test` does
(pytest-django runs these non-transactional tests before any transactional flush).
"""

import re
import uuid
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Max, ProtectedError, RestrictedError
from django.test import Client, override_settings
from django.utils import translation
from playwright.sync_api import Page, expect

from projects.models import Project
from registry.models import Dataset, Organisation, Person, Team
from search.backends import database_backend
from search.client import es_reset
from tests.browser.a11y_scene import AUTOCOMPLETE_PREFIX, build_a11y_scene
from tests.browser.axe import (
    axe_script_or_fail,
    axe_violations,
    page_overflow,
    same_origin_links,
)
from tests.browser.support import CHROMIUM, CHROMIUM_ARGS, STEP_TIMEOUT_MS
from tests.conftest import _drop_indexes, _engine_or_skip, rebuild_all

# The scene is committed by the module fixture (and its rows deleted at the end);
# the mark gives the tests' own requests (the link check) the database.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]

ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
WIDTHS = {"1280": (1280, 900), "390": (390, 844)}

# Violations accepted on a page type, keyed by page type then axe rule id: none,
# every page must have 0 (kept so a future exception is explicit and reviewed).
KNOWN_VIOLATIONS: dict[str, set[str]] = {}
# Page types allowed to be wider than a 390 px window: none (same rule).
KNOWN_OVERFLOW: set[str] = set()
# No English version: the API docs live outside the language prefix.
FRENCH_ONLY = {"api-docs"}
# Paths the link check does not follow: not pages (or POST only), or outside /en/.
NOT_FOLLOWED = ("/admin/", "/documents/", "/static/", "/media/", "/i18n/")

INTEGER_KEYS = {"AutoField", "BigAutoField", "SmallAutoField"}
FIGURES: dict[tuple[str, str], dict[str, int]] = {}


def _row_marks() -> dict:
    """The highest integer primary key of each table, before the scene."""
    marks = {}
    for model in apps.get_models():
        if model._meta.pk.get_internal_type() in INTEGER_KEYS and model._meta.managed:
            marks[model] = model._base_manager.aggregate(top=Max("pk"))["top"] or 0
    return marks


def _delete_rows_after(marks: dict) -> None:
    """Delete every row added since `marks`. Records first (projects, then the
    registry), so their signal handlers still find what they point to; a row a
    protected key still holds waits for the next pass."""
    first = [Project, Team, Person, Organisation, Dataset]
    marks = {model: marks[model] for model in first} | marks
    pending = list(marks)
    for _pass in range(5):
        blocked = []
        for model in pending:
            try:
                model._base_manager.filter(pk__gt=marks[model]).delete()
            except (ProtectedError, RestrictedError, ObjectDoesNotExist, KeyError):
                blocked.append(model)
        if not blocked:
            return
        pending = blocked
    raise AssertionError(f"rows of the scene left in {pending}")


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    """The scene committed and indexed once, and a live server of the module's own
    (pytest-django's would flush the database after each test)."""
    _engine_or_skip()
    axe_script_or_fail()
    from pytest_django.live_server_helper import LiveServer

    prefix = f"test-{uuid.uuid4().hex[:10]}"
    with override_settings(SEARCH_INDEX_PREFIX=prefix), django_db_blocker.unblock():
        marks = _row_marks()
        es_reset()
        server = None
        try:
            with translation.override("fr"):
                pages = build_a11y_scene()
            rebuild_all()
            database_backend().rebuild()
            cache.clear()
            server = LiveServer("localhost")
            yield server.url, pages
        finally:
            if server:
                server.stop()
            _delete_rows_after(marks)
            cache.clear()
            _drop_indexes(prefix)
            es_reset()
            _write_figures()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/services up")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


# --- the states a page is checked in --------------------------------------------


def _open_autocomplete(page: Page) -> None:
    box = page.locator("#recherche-entete")
    if not box.is_visible():  # on a phone the search sits behind a header button
        page.locator("#bouton-recherche").click()
    box.fill(AUTOCOMPLETE_PREFIX)
    expect(page.locator("#suggestions-entete [role=option]").first).to_be_visible()


def _open_filters(page: Page) -> None:
    toggle = page.locator(".filters-toggle")
    if toggle.is_visible():  # a phone: the filters are folded behind this button
        toggle.click()
        expect(toggle).to_have_attribute("aria-expanded", "true")
    closed = page.locator(".filters .fr-accordion__btn[aria-expanded=false]").first
    group = page.locator(f"[aria-controls={closed.get_attribute('aria-controls')}]")
    group.click()
    expect(group).to_have_attribute("aria-expanded", "true")


def _login_refused(page: Page) -> None:
    page.locator("#id_login").fill("personne@example.org")
    page.locator("#id_password").fill("pas-le-bon-mot-de-passe")
    page.locator("#id_password").press("Enter")
    _told_at_once(page)


def _report_refused(page: Page) -> None:
    page.locator("main form button[type=submit]").click()
    _told_at_once(page)


def _told_at_once(page: Page) -> None:
    """A refused form: the title says so and focus is on the error summary."""
    expect(page.locator("#erreurs-formulaire")).to_be_focused()
    expect(page).to_have_title(re.compile(r"^(Erreur\u00a0: |Error: )"))


def _matching_results(page: Page) -> None:
    expect(page.locator(".match-result").first).to_be_visible()


STATES = {
    "autocompletion": _open_autocomplete,
    "recherche": _open_filters,
    "projets": _open_filters,
    "connexion-erreurs": _login_refused,
    "signalement-erreurs": _report_refused,
    "collaborateurs": _matching_results,
}


# --- the checks ---------------------------------------------------------------------


def _unexpected(name: str, violations: list[dict]) -> list[dict]:
    known = KNOWN_VIOLATIONS.get(name, set())
    return [v for v in violations if v["id"] not in known]


def _broken_links(paths: set[str], checked: dict[str, int]) -> list[str]:
    """The paths that answer 404 (each requested once per module)."""
    client = Client()
    broken = []
    for path in sorted(paths):
        if path.startswith(NOT_FOLLOWED):
            continue
        if path not in checked:
            checked[path] = client.get(path).status_code
        if checked[path] == 404 or path.startswith("/en/en/"):
            broken.append(path)
    return broken


_LINK_STATUS: dict[str, int] = {}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_page_type_passes_axe_and_fits_the_screen(site, browser, language, width):
    base_url, pages = site
    viewport_width, viewport_height = WIDTHS[width]
    # bypass_csp: axe is injected as an inline script, which our CSP refuses.
    context = browser.new_context(
        bypass_csp=True,
        locale="fr-FR" if language == "fr" else "en-GB",
        viewport={"width": viewport_width, "height": viewport_height},
    )
    page = context.new_page()
    page.set_default_timeout(STEP_TIMEOUT_MS)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    problems, links = [], set()
    try:
        for name, (french_path, english_path) in pages.items():
            if language == "en" and name in FRENCH_ONLY:
                continue
            url = base_url + (english_path if language == "en" else french_path)
            page.goto(url)
            if name in STATES:
                STATES[name](page)
            violations = axe_violations(page)
            FIGURES.setdefault((language, width), {})[name] = sum(
                v["nodes"] for v in violations
            )
            for violation in _unexpected(name, violations):
                problems.append(f"{name} ({url}): axe {violation}")
            overflow = page_overflow(page)
            if overflow and name not in KNOWN_OVERFLOW:
                problems.append(f"{name} ({url}): {overflow} px wider than the window")
            if language == "fr":  # the English pages look the same, in English
                page.screenshot(
                    path=SCREENSHOTS / f"{name}-{width}.png", full_page=True
                )
            else:
                links |= same_origin_links(page)
    finally:
        context.close()
    problems += [
        f"an English page links to {path}: 404"
        for path in _broken_links(links, _LINK_STATUS)
    ]
    assert not problems, "\n".join(problems)


def _write_figures() -> None:
    """Violations (element count) per page type, language and width, for reviewers."""
    if not FIGURES:
        return
    columns = sorted(FIGURES)
    names = list(
        dict.fromkeys(name for figures in FIGURES.values() for name in figures)
    )
    lines = [
        "# axe-core, WCAG 2.1 A/AA: violating elements per page type",
        "",
        "| page | " + " | ".join(f"{lang} {width}px" for lang, width in columns) + " |",
        "|---" * (len(columns) + 1) + "|",
    ]
    for name in names:
        cells = [str(FIGURES[column].get(name, "–")) for column in columns]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "accessibility.md").write_text("\n".join(lines) + "\n")
