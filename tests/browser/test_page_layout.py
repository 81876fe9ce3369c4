"""Page layout measured in Chromium at 1280 and 390 px (issue 16): call cards sized
by their content, the project's facts card as tall as its content and placed after
the summary on a phone, registry lists no wider than the screen, the team's name
first on each matching card.

Full-page screenshots go to test-artifacts/browser/ (ignored by git).
"""

import pytest
from django.urls import reverse

from tests.browser.support import shot
from tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    ProjectFactory,
    TeamFactory,
    domain,
    technique,
)
from tests.matching.calls import CallFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WIDTHS = (1280, 390)
PAGE_WIDTH = "document.documentElement.scrollWidth"


def box(page, selector: str) -> dict:
    return page.eval_on_selector(
        selector,
        """element => { const r = element.getBoundingClientRect();
             return {top: r.top + scrollY, bottom: r.bottom + scrollY,
                     height: r.height, left: r.left}; }""",
    )


def test_call_cards_are_sized_by_their_content(live_server, page):
    team = TeamFactory(name="Imagerie cardiaque")
    for number in range(8):
        CallFactory(team=team, title=f"Partenaire clinique recherché {number}")
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(live_server.url + reverse("collaboration:call_list"))
        heights = page.eval_on_selector_all(
            ".call-card", "cards => cards.map(c => c.getBoundingClientRect().height)"
        )
        shot(page, f"layout-calls-{width}")
        assert len(heights) == 8
        # Before the fix each card was as tall as the whole column (3,240 px).
        assert max(heights) < 600, (width, heights)
        last_card = box(page, "li:last-child > .call-card")
        assert box(page, "footer")["top"] >= last_card["bottom"]
        assert page.evaluate(PAGE_WIDTH) <= width


def test_project_facts_fit_their_content_and_follow_the_summary_on_a_phone(
    live_server, page
):
    institute = OrganisationFactory(name="Inserm", acronym="Inserm")
    project = ProjectFactory(
        title="Détection de la fibrillation atriale",
        lead_organisation=institute,
        description="<p>" + "Un long texte de description. " * 400 + "</p>",
    )
    url = live_server.url + project.get_absolute_url()

    page.goto(url)
    facts, card = box(page, "aside.project-facts"), box(page, ".project-facts dl")
    shot(page, "layout-project-1280")
    assert facts["height"] < card["height"] + 200, (facts, card)
    assert facts["left"] > 600  # beside the text, on the right

    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(url)
    shot(page, "layout-project-390")
    summary = box(page, "article header")
    facts = box(page, "aside.project-facts")
    description = box(page, "#description")
    assert summary["bottom"] <= facts["top"] < description["top"]
    assert page.evaluate(PAGE_WIDTH) <= 390


def test_registry_lists_fit_a_phone_with_their_search_box(live_server, page):
    institute = OrganisationFactory(
        name="Institut national de la santé", acronym="Inserm"
    )
    for number in range(5):
        team = TeamFactory(
            name=f"Équipe d’imagerie biomédicale et d’apprentissage {number}",
            parents=[institute],
        )
        MembershipFactory(
            team=team,
            person=PersonFactory(first_name="Aïcha", last_name=f"Bernard{number}"),
        )
    page.set_viewport_size({"width": 390, "height": 900})
    for name in ("organisation_list", "team_list", "person_list", "evaluation_list"):
        page.goto(live_server.url + reverse(f"registry:{name}"))
        shot(page, f"layout-{name}-390")
        assert page.locator("form.registry-search input[type=search]").is_visible()
        assert page.evaluate(PAGE_WIDTH) <= 390, name
        table = box(page, ".registry-table table")
        assert table["left"] >= 0
        scroll = page.eval_on_selector(
            ".registry-table table", "t => [t.scrollWidth, t.clientWidth]"
        )
        assert scroll[0] <= scroll[1] + 1, (name, scroll)
    page.goto(live_server.url + reverse("registry:person_list") + "?q=aïcha")
    assert page.get_by_role("link", name="Aïcha Bernard0").is_visible()


def test_the_team_name_heads_each_matching_card(live_server, page):
    inria = OrganisationFactory(name="Inria", acronym="Inria")
    imaging = TeamFactory(name="Imagerie médicale", parents=[inria])
    imaging.expertise.add("imagerie médicale")
    ProjectFactory(
        lead_team=imaging,
        title="Scanners",
        summary="Segmentation des scanners thoraciques.",
        domains=[domain("radiologie")],
        techniques=[technique("vision")],
    )
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(live_server.url + reverse("search:matching"))
        page.locator("#id_text").fill(
            "Segmentation de scanners thoraciques par vision par ordinateur. " * 20
        )
        page.locator("#matching-form button[type=submit]").click()
        page.wait_for_selector(".match-result")
        shot(page, f"layout-matching-{width}")
        title = box(page, ".match-result .fr-card__title")
        first_line = page.eval_on_selector(
            ".match-result .fr-card__content",
            """content => Math.min(...[...content.children]
                 .filter(child => !child.classList.contains('fr-card__title'))
                 .map(child => child.getBoundingClientRect().top + scrollY))""",
        )
        assert title["top"] < first_line, width
        assert page.evaluate(PAGE_WIDTH) <= width


def test_api_docs_sit_in_the_portal_frame_without_nested_controls(live_server, page):
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(live_server.url + "/api/docs/")
        page.wait_for_selector(".opblock-summary-control")
        assert page.evaluate("document.documentElement.lang") == "fr"
        assert page.locator("header.fr-header").is_visible()
        assert page.locator("footer.fr-footer").count() == 1
        # Deep links off: no link or button inside an operation's button.
        assert (
            page.locator(".opblock-summary-control :is(a[href], button)").count() == 0
        )
        page.locator(".opblock-summary-control").first.click()
        page.get_by_role("button", name="Try it out").first.click()
        page.get_by_role("button", name="Execute").first.click()
        page.wait_for_selector(".responses-wrapper pre.microlight")
        unnamed = page.locator("tr[data-param-name] select:not([aria-label])")
        assert unnamed.count() == 0
        assert page.locator("pre.microlight:not([tabindex])").count() == 0
        shot(page, f"layout-api-docs-{width}")
        assert page.evaluate(PAGE_WIDTH) <= width
