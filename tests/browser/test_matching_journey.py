"""Team matching in Chromium (issue 12): a need posted from the form, the result on
a shareable URL with the team name heading each card in score order, then
"Demander un contact" through to the e-mail of a demo team's lead (allowed by
CONTACT_DEMO_RECIPIENTS, as on `make run`), whose address is never shown."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from playwright.sync_api import expect

from tests.browser.support import shot
from tests.factories import (
    OrganisationFactory,
    PersonFactory,
    ProjectFactory,
    TeamFactory,
    domain,
    technique,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_post_a_need_share_the_result_and_ask_for_a_contact(
    page, live_server, client, settings
):
    settings.CONTACT_DEMO_RECIPIENTS = True
    inria = OrganisationFactory(name="Inria navigateur", acronym="INRNAV")
    lead = PersonFactory(
        first_name="Léa", last_name="Démo", email="lea.demo@example.org"
    )
    lead.is_fictional = True
    lead.save()
    imaging = TeamFactory(name="Imagerie navigateur", parents=[inria], lead=lead)
    imaging.expertise.add("imagerie médicale")
    text_team = TeamFactory(name="Textes navigateur", parents=[inria])
    text_team.expertise.add("TAL")
    ProjectFactory(
        lead_team=imaging,
        title="Scanners",
        summary="Segmentation des scanners.",
        domains=[domain("radiologie")],
        techniques=[technique("vision")],
    )
    ProjectFactory(lead_team=text_team, title="Notes", techniques=[technique("tal")])
    user = get_user_model().objects.create_user(
        "visiteur", email="visiteur@example.org", password="x"
    )
    client.force_login(user)
    page.context.add_cookies(
        [
            {
                "name": "sessionid",
                "value": client.cookies["sessionid"].value,
                "url": live_server.url,
            }
        ]
    )
    try:
        page.goto(live_server.url + "/collaborateurs/")
        page.locator("#id_text").fill(
            "We need a medical imaging team for computer vision on CT scans. " * 400
        )
        page.locator("#matching-form button[type=submit]").click()
        page.wait_for_url(re.compile(r"/collaborateurs/\?r=[0-9a-f]{16}$"))
        first = page.locator(".match-result").first
        expect(first.locator("h3")).to_contain_text("Imagerie navigateur")
        expect(first.locator(".match-reasons")).to_contain_text("Vision par ordinateur")
        expect(page.locator("#share-link")).to_be_visible()
        shared = page.url
        shot(page, "matching-1-results")

        page.goto(shared)  # the bookmarked URL gives the same result
        expect(page.locator(".match-result h3").first).to_contain_text(
            "Imagerie navigateur"
        )
        first.locator(".contact-link").click()
        expect(page.locator("h1")).to_contain_text("Demander un contact")
        expect(page.locator("body")).not_to_contain_text("lea.demo@example.org")
        page.locator("#id_message").fill(
            "Bonjour, nous cherchons une équipe d’imagerie pour nos scanners."
        )
        page.locator("#contact-form button[type=submit]").click()
        page.wait_for_url(re.compile(r"/contact/envoye/$"))
        shot(page, "matching-2-contact-sent")
    except Exception:
        shot(page, "matching-failure")
        raise
    assert [m.to for m in mail.outbox] == [["lea.demo@example.org"]]
