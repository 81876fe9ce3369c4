"""The dashboard in Debian's Chromium: charts drawn, tables beside them, the filter
form keeps its values in the URL, the network reacts to hover, print hides the form;
on a 390 px phone no chart text is drawn below 12 px and every table is reachable.

The screenshot is kept as test-artifacts/dashboard.png (ignored by git).
"""

import io
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from playwright.sync_api import expect

from projects.dashboard.blocks import BUILDERS
from tests.dashboard.scene import build_scene

ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_dashboard_renders_its_charts_and_keeps_filters(live_server, page):
    scene = build_scene()
    call_command(
        "indicator_snapshots_backfill",
        "--since",
        "2022-01",
        "--until",
        "2025-12",
        stdout=io.StringIO(),
    )
    try:
        page.goto(live_server.url + "/projets/")
        page.locator("header").get_by_role(
            "link", name="Tableau de bord", exact=True
        ).click()
        page.wait_for_url(re.compile(r"/tableau-de-bord/$"))
        expect(page.locator("h1")).to_contain_text("Tableau de bord")
        charts = page.locator("svg.dashboard-chart")
        expect(charts).to_have_count(len(BUILDERS))
        # Charts are drawn with a real size, bars and cells inside.
        box = page.locator("#chart-projects_by_institute").bounding_box()
        assert box["width"] > 300 and box["height"] > 80
        assert page.locator("#chart-projects_by_institute rect").count() >= 8
        assert page.locator("#chart-domain_technique rect").count() == 4
        assert page.locator("#chart-trends polyline").count() == 4
        expect(page.locator("table caption")).to_have_count(len(BUILDERS))
        page.screenshot(path=ARTIFACTS / "dashboard.png", full_page=True)

        # The network is one figure with no tab stop; hovering a team highlights its
        # links (self-written script); the table beside it is the alternative.
        assert page.locator("#chart-network a, #chart-network [tabindex]").count() == 0
        team_node = page.locator("#chart-network g.network-node[data-node^='t']").first
        team_node.hover()
        expect(page.locator("#chart-network")).to_have_class(
            re.compile("network-focus")
        )
        assert page.locator("#chart-network .is-active").count() >= 2

        # Filter on Inria: the URL carries it, the figures follow.
        form = page.locator("form#dashboard-filters")
        form.locator(f"label[for='institute-{scene.inria.pk}']").click()
        form.locator("#id_year_from").fill("2023")
        form.get_by_role("button", name="Appliquer les filtres").click()
        page.wait_for_url(re.compile(rf"institute={scene.inria.pk}"))
        assert "year_from=2023" in page.url
        expect(form.locator(f"#institute-{scene.inria.pk}")).to_be_checked()
        expect(form.locator("#id_year_from")).to_have_value("2023")
        expect(page.locator(".dashboard-figures .key-figure").first).to_have_text("3")
        page.screenshot(path=ARTIFACTS / "dashboard-filtered.png", full_page=True)

        # Printed: the form and the page chrome are hidden, the charts stay.
        page.emulate_media(media="print")
        expect(form).to_be_hidden()
        expect(page.locator("header.fr-header")).to_be_hidden()
        expect(page.locator("#chart-network")).to_be_visible()
        page.pdf(path=ARTIFACTS / "dashboard.pdf", format="A4")
    except Exception:
        page.screenshot(path=ARTIFACTS / "dashboard-failure.png", full_page=True)
        raise


# Every text element of every chart, with its size on screen: the computed font size
# times the SVG's scale (its on-screen width over its viewBox width).
TEXT_SIZES = """() => [...document.querySelectorAll('svg.dashboard-chart text')]
  .filter(t => t.getBBox().width > 0)
  .map(t => {
    const svg = t.ownerSVGElement;
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    return {chart: svg.id, text: t.textContent,
            px: parseFloat(getComputedStyle(t).fontSize) * scale};
  })"""


def test_on_a_phone_chart_text_is_at_least_12px_and_tables_are_reachable(
    live_server, page
):
    build_scene()
    call_command(
        "indicator_snapshots_backfill",
        "--since",
        "2023-01",
        "--until",
        "2025-12",
        stdout=io.StringIO(),
    )
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server.url + "/tableau-de-bord/")
    try:
        sizes = page.evaluate(TEXT_SIZES)
        charts = {size["chart"] for size in sizes}
        assert {"chart-domain_technique", "chart-network", "chart-trends"} <= charts
        small = [size for size in sizes if size["px"] < 12]
        assert not small, small[:5]
        assert min(size["px"] for size in sizes) >= 12
        # Nothing wider than the screen.
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        # Each table region takes focus from the keyboard and is named.
        regions = page.locator(".dashboard-table [role='region'][tabindex='0']")
        expect(regions).to_have_count(len(BUILDERS))
        regions.first.focus()
        expect(regions.first).to_be_focused()
        assert regions.first.get_attribute("aria-label").startswith("Tableau : ")
        page.screenshot(path=ARTIFACTS / "dashboard-390.png", full_page=True)
    except Exception:
        page.screenshot(path=ARTIFACTS / "dashboard-390-failure.png", full_page=True)
        raise
