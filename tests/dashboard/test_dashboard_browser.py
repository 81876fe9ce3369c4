"""The dashboard in Debian's Chromium: charts drawn, tables beside them, the filter
form keeps its values in the URL, the network reacts to focus, print hides the form.

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

        # The network highlights a team's links on focus (self-written script).
        team_node = page.locator("#chart-network a.network-node").first
        team_node.focus()
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
