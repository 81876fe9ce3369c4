"""In Chromium: save a search, follow a project, pause an alert, report an error."""

import pytest
from django.conf import settings as django_settings
from django.test import Client
from playwright.sync_api import expect

from portal.feedback.models import ErrorReport
from search.alerts.models import Follow, SavedSearch
from tests.browser.support import shot
from tests.factories import ProjectFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def sign_in(page, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [
            {
                "name": django_settings.SESSION_COOKIE_NAME,
                "value": client.cookies[django_settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


def test_alerts_and_error_report_journey(page, live_server, make_user, settings):
    settings.ELASTICSEARCH_URL = ""
    project = ProjectFactory(
        title="Mammographie et dépistage organisé",
        summary="Lecture automatique de la mammographie.",
    )
    user = make_user()
    sign_in(page, live_server, user)

    page.goto(live_server.url + "/recherche/?q=mammographie")
    callout = page.locator("#enregistrer-recherche")
    expect(callout).to_be_visible()
    page.get_by_label("Nom de l’alerte").fill("Mammographie")
    page.get_by_label("Fréquence des e-mails").select_option("weekly")
    shot(page, "alerts-1-save-search")
    callout.get_by_role("button", name="Enregistrer cette recherche").click()
    expect(page.locator("h1")).to_have_text("Mes alertes")
    expect(page.locator(".saved-search")).to_contain_text("chaque semaine")

    page.goto(live_server.url + project.get_absolute_url())
    page.get_by_role("button", name="Suivre").click()
    expect(page.get_by_role("button", name="Ne plus suivre")).to_be_visible()
    shot(page, "alerts-2-following")

    page.get_by_role("link", name="Mes alertes").first.click()
    expect(page.locator(".follow")).to_contain_text("Mammographie et dépistage")
    page.locator(".saved-search").get_by_role("button", name="Mettre en pause").click()
    expect(page.locator(".saved-search")).to_contain_text("en pause")
    shot(page, "alerts-3-my-alerts")
    assert not SavedSearch.objects.get(user=user).active
    assert Follow.objects.get(user=user).active

    page.goto(live_server.url + project.get_absolute_url())
    page.locator("#signaler-une-erreur").click()
    expect(page.get_by_label("Page concernée")).to_have_value(
        project.get_absolute_url()
    )
    page.get_by_label("Quelle est l’erreur ?").fill(
        "Le projet a commencé en 2023, pas en 2024."
    )
    shot(page, "alerts-4-report-form")
    page.get_by_role("button", name="Envoyer le signalement").click()
    expect(page.locator("h1")).to_have_text("Merci pour votre signalement")
    report = ErrorReport.objects.get()
    assert report.page_url == project.get_absolute_url()
