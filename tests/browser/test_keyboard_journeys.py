"""Keyboard journeys in Chromium (issue 16): only Tab, arrows, Space, Enter and Escape,
as a visitor without a mouse would go. Header search with its suggestions (French and
English), filtering /projets/, posting a need on /collaborateurs/, reaching every
table of the dashboard."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.support import shot
from tests.conftest import rebuild_all
from tests.factories import ProjectFactory, domain
from tests.factories.scenarios import rich_project
from tests.search.scene import build_scene

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

MAX_TABS = 400


def active(page: Page, expression: str = "el.id"):
    return page.evaluate(
        f"(() => {{ const el = document.activeElement; return {expression}; }})()"
    )


def tab_until(page: Page, test: str, *, limit: int = MAX_TABS) -> int:
    """Press Tab until the focused element passes `test` (a JS expression of `el`);
    return how many presses it took."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if active(page, f"!!el && ({test})"):
            return presses
    raise AssertionError(f"{limit} tabs and never on an element where {test}")


def test_header_search_suggestions_by_keyboard(page, live_server, search_engine):
    build_scene()
    rebuild_all()
    for prefix in ("", "/en"):
        page.goto(live_server.url + prefix + "/")
        tab_until(page, "el.id === 'recherche-entete'")
        page.keyboard.type("ne")
        option = page.locator("#suggestions-entete [role=option]").first
        expect(option).to_contain_text("NEUROVASC")
        # Escape closes the list and keeps what was typed.
        page.keyboard.press("Escape")
        expect(page.locator("#suggestions-entete")).to_be_hidden()
        expect(page.locator("#recherche-entete")).to_have_value("ne")
        page.keyboard.type("u")
        expect(option).to_contain_text("NEUROVASC")
        page.keyboard.press("ArrowDown")
        expect(page.locator("#recherche-entete")).to_have_attribute(
            "aria-activedescendant", "suggestions-entete-0"
        )
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(rf"{re.escape(live_server.url)}{prefix}/projets/"))
        assert "/en/en/" not in page.url
        expect(page.locator("h1")).to_contain_text("NEUROVASC")


def test_filtering_projects_by_keyboard_lands_on_the_results(page, live_server):
    cardiology = domain("cardiologie")
    ProjectFactory(title="Insuffisance cardiaque", domains=[cardiology])
    for number in range(3):
        ProjectFactory(title=f"Autre projet {number}", domains=[domain("avc")])
    page.goto(live_server.url + "/projets/")
    # The filters start with a link that skips them, then closed groups: the way to
    # "Filtrer" is one tab per group (37 tabs before issue 16).
    tab_until(page, "el.classList.contains('skip-to-results')")
    groups = page.locator("#project-filters .fr-accordion__btn").count()
    tabs = tab_until(page, "el.type === 'submit'", limit=80)
    expect(page.locator(":focus")).to_have_text("Filtrer")
    assert tabs <= groups + 1, (tabs, groups)
    # Back to the domains, open them, tick one, and send.
    for _ in range(groups + 1):
        page.keyboard.press("Shift+Tab")
        if active(page, "el.getAttribute('aria-controls')") == "filtre-domain":
            break
    page.keyboard.press("Enter")
    group = page.locator("[aria-controls=filtre-domain]")
    expect(group).to_have_attribute("aria-expanded", "true")
    tab_until(page, f"el.name === 'domain' && el.value === '{cardiology.pk}'")
    page.keyboard.press("Space")
    expect(page.locator(f"input[name=domain][value='{cardiology.pk}']")).to_be_checked()
    tab_until(page, "el.type === 'submit'")
    page.keyboard.press("Enter")
    expect(page.locator("#nombre-resultats")).to_be_focused()
    expect(page.locator("#nombre-resultats")).to_contain_text("1 projet")
    expect(group).to_have_attribute("aria-expanded", "true")  # the ticked one shows
    ticked = page.locator(f"input[name=domain][value='{cardiology.pk}'] + label")
    expect(ticked).to_be_visible()
    shot(page, "keyboard-projects-filtered")


def test_posting_a_need_by_keyboard(page, live_server):
    rich_project()
    page.goto(live_server.url + "/collaborateurs/")
    tab_until(page, "el.id === 'id_text'")
    page.keyboard.type("Une équipe d’oncologie pour le dépistage du cancer du sein.")
    tab_until(page, "el.type === 'submit' && !!el.closest('#matching-form')")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/collaborateurs/\?r=[0-9a-f]{16}$"))
    expect(page.locator(".match-result").first).to_be_visible()
    shot(page, "keyboard-matching-results")


# Tables allowed to have no tab stop, by indicator id: none, every table is reached.
KNOWN_UNREACHABLE_TABLES: set[str] = set()


def test_every_dashboard_table_is_reached_by_tab(page, live_server):
    rich_project()
    page.goto(live_server.url + "/tableau-de-bord/")
    tables = page.locator("main table")
    count = tables.count()
    assert count > 0
    page.evaluate(
        """() => {
            window.reachedTables = new Set();
            document.addEventListener("focusin", event => {
                document.querySelectorAll("main table").forEach((table, index) => {
                    const holder = table.closest(".fr-table__wrapper, .fr-table") || table;
                    if (holder.contains(event.target) || event.target.contains(table)) {
                        window.reachedTables.add(index);
                    }
                });
            });
        }"""
    )
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if active(page, "!!el.closest('footer')"):
            break
    reached = set(page.evaluate("Array.from(window.reachedTables)"))
    unreachable = {
        tables.nth(index).evaluate(
            "t => (t.closest('[id^=indicateur-]') || t).id || t.outerHTML.slice(0, 80)"
        )
        for index in range(count)
        if index not in reached
    }
    assert unreachable <= KNOWN_UNREACHABLE_TABLES, " ".join(sorted(unreachable))
