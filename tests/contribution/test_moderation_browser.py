"""The moderation journey in Chromium: a researcher declares a project from « Mes
projets » and submits it; a moderator approves it in the Wagtail admin; the public
page shows it and the researcher has the e-mail.

Users are logged in by injecting a session cookie (the login pages are another
feature's). Screenshots go to test-artifacts/browser/ (ignored by git).
"""

import re

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.test import Client
from playwright.sync_api import expect

from portal.services import portal_defaults_ensure
from projects.models import Domain, Project
from tests.browser.support import shot
from tests.factories import (
    DatasetFactory,
    OrganisationFactory,
    PersonFactory,
    TeamFactory,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def log_in(page, live_server, user) -> None:
    """Replace the browser's session by one of `user`'s."""
    client = Client()
    client.force_login(user)
    page.context.clear_cookies()
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


def user_in(django_user_model, username: str, group: str):
    user = django_user_model.objects.create_user(
        username=username, email=f"{username}@example.org", password="x-test-1234"
    )
    user.groups.add(Group.objects.get_or_create(name=group)[0])
    return user


def test_researcher_submits_moderator_approves_public_page_and_email(
    page, live_server, django_user_model, mailoutbox
):
    portal_defaults_ensure()
    organisation = OrganisationFactory(name="Inserm", acronym="INSERM")
    team = TeamFactory(
        name="Laboratoire d’imagerie", acronym="LIB", parents=[organisation]
    )
    dataset = DatasetFactory(name="Entrepôt de données de santé de l’AP-HP")
    ophthalmology = Domain.objects.get_or_create(
        slug="ophtalmologie", defaults={"name": "Ophtalmologie"}
    )[0]
    researcher = user_in(django_user_model, "chercheuse", "Researchers")
    PersonFactory(user=researcher, email=researcher.email)
    moderator = user_in(django_user_model, "moderatrice", "Moderators")
    title = "Dépistage de la rétinopathie diabétique par apprentissage profond"

    try:
        # The researcher declares the project.
        log_in(page, live_server, researcher)
        page.goto(live_server.url + "/espace/projets/")
        expect(page.locator("#aucun-projet")).to_be_visible()
        page.get_by_role("link", name="Déclarer un projet").click()
        page.get_by_label("Titre (français)").fill(title)
        page.get_by_label("Acronyme").fill("RETINO-IA")
        page.get_by_label("Résumé (français)").fill(
            "Un réseau convolutif lit les rétinographies du dépistage."
        )
        page.get_by_label("Niveau de maturité (TRL)").select_option("5")
        page.locator(f"label[for=id_domains_{_index(page, ophthalmology)}]").click()
        page.get_by_label("Organisation porteuse").select_option(str(organisation.pk))
        page.get_by_label("Équipe porteuse").select_option(str(team.pk))
        page.locator("#id_datasets-0-dataset").select_option(str(dataset.pk))
        page.locator("#id_datasets-0-access_status").select_option("granted")
        shot(page, "contribution-1-form")
        page.get_by_role("button", name="Enregistrer le brouillon").click()
        expect(page.locator(".fr-alert--success")).to_contain_text(
            "Brouillon enregistré"
        )
        expect(page.locator("#etat-projet")).to_have_text("brouillon")
        page.get_by_role("button", name="Soumettre à la modération").click()
        page.wait_for_url(re.compile(r"/espace/projets/$"))
        expect(page.locator("#mes-projets")).to_contain_text("en modération")
        shot(page, "contribution-2-submitted")

        project = Project.objects.get(acronym="RETINO-IA")
        assert not project.live
        page.context.clear_cookies()
        response = page.goto(live_server.url + f"/projets/{project.slug}/")
        assert response.status == 404

        # The moderator approves in the Wagtail admin.
        log_in(page, live_server, moderator)
        page.goto(
            live_server.url + f"/admin/snippets/projects/project/edit/{project.pk}/"
        )
        shot(page, "contribution-3-admin")
        page.locator("[data-w-dropdown-target=toggle]").last.click()
        page.get_by_role("button", name="Approuver et Publier", exact=True).click()
        page.wait_for_url(re.compile(r"/admin/"))
        project.refresh_from_db()
        assert project.live

        # The public sees it; the researcher has the e-mail.
        page.context.clear_cookies()
        page.goto(live_server.url + f"/projets/{project.slug}/")
        expect(page.locator("h1")).to_contain_text(title)
        expect(page.locator("main")).to_contain_text("Entrepôt de données de santé")
        shot(page, "contribution-4-public")
        approvals = [m for m in mailoutbox if m.to == [researcher.email]]
        assert len(approvals) == 1
        assert "est approuvé" in approvals[0].subject
        assert f"/projets/{project.slug}/" in approvals[0].body
    except Exception:
        shot(page, "contribution-failure")
        raise


def _index(page, term) -> int:
    """The position of a term's checkbox (Django numbers them id_domains_0…)."""
    return (
        page.locator(f"input[name=domains][value='{term.pk}']")
        .get_attribute("id")
        .rsplit("_", 1)[1]
    )
