"""« Mes données de santé » in Chromium: autocomplete to a hospital's page, and the
same journey with JavaScript off (a GET form and a list of links)."""

from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect

from tests.browser.support import shot
from tests.mydata.scene import make_scene

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
SCREENSHOT = Path(settings.BASE_DIR) / "test-artifacts" / "mes-donnees.png"


def test_pick_a_hospital_with_autocomplete(page, live_server):
    scene = make_scene()
    page.goto(live_server.url + "/mes-donnees/")
    box = page.locator("#source-q")
    box.fill("bord")
    option = page.locator("#source-suggestions [role=option]").first
    expect(option).to_contain_text("EDS CHU de Bordeaux")
    expect(option).to_contain_text("Nouvelle-Aquitaine")
    box.press("ArrowDown")
    expect(box).to_have_attribute("aria-activedescendant", "source-suggestions-0")
    expect(box).to_have_attribute("aria-expanded", "true")
    box.press("Enter")
    expect(page.locator("h1")).to_contain_text("EDS CHU de Bordeaux")
    expect(
        page.get_by_role("link", name="Détection précoce du sepsis", exact=True)
    ).to_be_visible()
    expect(
        page.get_by_text("Comment vous opposer à l’usage de vos données")
    ).to_be_visible()
    expect(page.get_by_text("Projet brouillon secret")).to_have_count(0)
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOT, full_page=True)
    assert SCREENSHOT.stat().st_size > 10_000
    assert page.url.endswith(f"/mes-donnees/{scene.warehouse.slug}/")


def test_works_without_javascript(page, live_server):
    scene = make_scene()
    context = page.context.browser.new_context(
        java_script_enabled=False, locale="fr-FR"
    )
    plain = context.new_page()
    plain.goto(live_server.url + "/mes-donnees/")
    plain.locator("#source-q").fill("Nouvelle-Aquitaine")
    plain.get_by_role("button", name="Chercher", exact=True).click()
    expect(plain.locator("#sources-titre")).to_contain_text("1 source trouvée")
    plain.get_by_role("link", name=str(scene.warehouse)).click()
    expect(plain.locator("h1")).to_contain_text("EDS CHU de Bordeaux")
    expect(plain.locator("article.fr-card")).to_have_count(2)
    shot(plain, "mes-donnees-sans-javascript")
    context.close()
