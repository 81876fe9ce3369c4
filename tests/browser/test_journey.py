"""A visitor's journey in Debian's Chromium: home, project list, domain filter, project.

Screenshots of each step go to test-artifacts/browser/ (ignored by git).
The test is transactional with a serialized rollback: the live server reads from
another thread, and the rows of data migrations (domains, Wagtail's page tree) are
restored even after another transactional test flushed them.
"""

import re

import pytest
from playwright.sync_api import expect

from projects.models import Domain
from tests.browser.support import shot
from tests.factories import ProjectFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def domain(slug: str, name: str) -> Domain:
    """The domain from the data migration, or a stand-in if it was flushed."""
    return Domain.objects.get_or_create(slug=slug, defaults={"name": name})[0]


def test_visitor_filters_projects_by_domain_and_opens_one(live_server, page):
    cardiology = domain("cardiologie", "Cardiologie")
    oncology = domain("oncologie", "Oncologie")
    cardiology_projects = [
        ProjectFactory(title=title, domains=[cardiology])
        for title in (
            "Détection de la fibrillation atriale",
            "Prédiction de l’insuffisance cardiaque",
        )
    ]
    ProjectFactory(title="Segmentation des tumeurs du sein", domains=[oncology])
    draft = ProjectFactory(
        title="Brouillon jamais publié", live=False, domains=[cardiology]
    )

    try:
        page.goto(live_server.url + "/")
        expect(page.locator("h1").first).to_be_visible()
        shot(page, "01-home")

        page.locator("header").get_by_role("link", name="Projets", exact=True).click()
        page.wait_for_url(re.compile(r"/projets/$"))
        expect(page.locator("article.project-card")).to_have_count(3)
        expect(page.get_by_text(draft.title)).to_have_count(0)
        shot(page, "02-project-list")

        # The filters are DSFR accordions of checkboxes: open "Domaine médical", tick.
        filters = page.locator("form#project-filters")
        filters.get_by_role("button", name="Domaine médical").click()
        checkbox = filters.locator(f"input[name=domain][value='{cardiology.pk}']")
        filters.locator(f"label[for='{checkbox.get_attribute('id')}']").click()
        expect(checkbox).to_be_checked()
        filters.get_by_role("button", name="Filtrer", exact=True).click()
        page.wait_for_url(re.compile(rf"[?&]domain={cardiology.pk}\b"))
        cards = page.locator("article.project-card")
        expect(cards).to_have_count(len(cardiology_projects))
        shot(page, "03-filtered-by-domain")

        links = cards.locator("a[href*='/projets/']")
        hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
        shown_slugs = {re.search(r"/projets/([^/]+)/", href).group(1) for href in hrefs}
        assert shown_slugs == {project.slug for project in cardiology_projects}
        assert draft.slug not in shown_slugs

        chosen = cardiology_projects[0]
        cards.locator(f"a[href$='/projets/{chosen.slug}/']").first.click()
        page.wait_for_url(re.compile(rf"/projets/{chosen.slug}/$"))
        expect(page.locator("h1")).to_contain_text(chosen.title)
        shot(page, "04-project-detail")
    except Exception:
        shot(page, "failure")
        raise
