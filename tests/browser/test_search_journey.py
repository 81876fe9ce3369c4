"""Searching in Chromium: header autocomplete from the second character, then the
search page with a facet, on the real Elasticsearch."""

import pytest
from playwright.sync_api import expect

from tests.browser.support import shot
from tests.conftest import rebuild_all
from tests.search.scene import build_scene

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_autocomplete_then_search_page(page, live_server, search_engine):
    build_scene()
    rebuild_all()

    page.goto(live_server.url + "/")
    search_box = page.locator("#recherche-entete")
    search_box.fill("ne")
    suggestion = page.locator("#suggestions-entete [role=option]").first
    expect(suggestion).to_contain_text("NEUROVASC")
    search_box.press("ArrowDown")
    expect(search_box).to_have_attribute(
        "aria-activedescendant", "suggestions-entete-0"
    )
    shot(page, "search-1-autocomplete")
    search_box.press("Enter")
    expect(page.locator("h1")).to_contain_text("Imagerie et accidents vasculaires")

    page.goto(live_server.url + "/recherche/?q=comptes+rendus")
    expect(page.locator(".search-hit").first).to_contain_text("CRTEXT")
    expect(page.locator(".search-hit mark").first).to_be_visible()
    page.get_by_role("button", name="Statut").click()
    expect(page.get_by_role("button", name="Statut")).to_have_attribute(
        "aria-expanded", "true"
    )
    # DSFR draws the box on the label (the input itself is visually hidden).
    page.locator("label[for=status-completed]").click()
    expect(page.locator("#status-completed")).to_be_checked()
    page.get_by_role("button", name="Appliquer les filtres").click()
    expect(page.locator("#nombre-resultats")).to_contain_text("1 résultat")
    shot(page, "search-2-page")
