"""'Signaler une erreur': a link on every page, a form creating a ticket, a honeypot
and a per-address rate limit; moderators handle tickets in the admin and the reporter
hears back once it is resolved."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from portal.feedback.models import ErrorReport
from tests.factories import ProjectFactory, TeamFactory

pytestmark = pytest.mark.django_db
REPORT = reverse("feedback:report")


@pytest.fixture(autouse=True)
def clean_cache():
    cache.clear()  # the rate limit counts there
    yield
    cache.clear()


def valid(**overrides) -> dict:
    data = {
        "page_url": "/projets/neurovasc/",
        "description": "Le CHU partenaire n’est pas le bon : c’est celui de Lille.",
        "email": "",
        "website": "",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize("page", ["/", "/projets/", "/recherche/?q=IRM", "/en/"])
def test_every_public_page_links_to_the_form_with_its_address(client, page):
    html = client.get(page).content.decode()
    assert 'id="signaler-une-erreur"' in html
    assert f"{REPORT}?page=" in html


def test_the_form_is_prefilled_with_the_page(client):
    project = ProjectFactory()
    html = client.get(REPORT, {"page": project.get_absolute_url()}).content.decode()
    assert f'value="{project.get_absolute_url()}"' in html
    assert 'for="id_description"' in html


def test_a_report_creates_a_ticket_and_emails_moderators(
    client, moderator, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(REPORT, valid(email="lecteur@example.org"))
    assert response.status_code == 302 and response.url == reverse("feedback:thanks")
    report = ErrorReport.objects.get()
    assert report.status == ErrorReport.Status.NEW
    assert (report.page_url, report.email) == (
        "/projets/neurovasc/",
        "lecteur@example.org",
    )
    assert [message.to for message in mailoutbox] == [[moderator.email]]
    assert "celui de Lille" in mailoutbox[0].body
    assert f"/admin/snippets/feedback/errorreport/edit/{report.pk}/" in (
        mailoutbox[0].body
    )


def test_a_full_address_of_this_site_is_kept_as_its_path(client):
    client.post(REPORT, valid(page_url="http://testserver/equipes/lim/?x=1"))
    assert ErrorReport.objects.get().page_url == "/equipes/lim/?x=1"


@pytest.mark.parametrize(
    "field, value",
    [
        ("page_url", "https://ailleurs.example.com/page"),
        ("page_url", ""),
        ("description", "court"),
        ("email", "pas-une-adresse"),
    ],
)
def test_bad_input_is_refused_with_linked_errors_and_text_kept(client, field, value):
    response = client.post(REPORT, valid(**{field: value}))
    assert response.status_code == 400
    html = response.content.decode()
    assert f'aria-describedby="erreur-{field}"' in html
    assert f'id="erreur-{field}"' in html
    if field != "description":
        assert "celui de Lille" in html  # what was typed is not lost
    assert not ErrorReport.objects.exists()


def test_the_honeypot_stores_nothing(client, mailoutbox):
    response = client.post(REPORT, valid(website="http://spam.example.com"))
    assert response.status_code == 302  # a bot sees the usual answer
    assert not ErrorReport.objects.exists()
    assert mailoutbox == []


def test_reports_are_rate_limited_per_address(client, settings):
    settings.FEEDBACK_REPORTS_PER_HOUR = 3
    for _ in range(3):
        assert client.post(REPORT, valid()).status_code == 302
    response = client.post(REPORT, valid(description="Un quatrième signalement ici."))
    assert response.status_code == 429
    assert "Un quatrième signalement ici." in response.content.decode()
    assert ErrorReport.objects.count() == 3
    # Another address is not affected.
    other = client.post(REPORT, valid(), REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 302
    assert ErrorReport.objects.count() == 4


def test_only_moderators_see_the_tickets_in_the_admin(client, moderator, editor):
    ErrorReport.objects.create(page_url="/projets/a/", description="Erreur de date.")
    ErrorReport.objects.create(
        page_url="/projets/b/",
        description="Mauvais partenaire.",
        status=ErrorReport.Status.REJECTED,
    )
    listing = reverse("wagtailsnippets_feedback_errorreport:list")

    assert client.get(listing).status_code == 302  # anonymous: to the login
    client.force_login(editor)
    response = client.get(listing)
    assert response.status_code in (302, 403)
    assert "/projets/a/" not in response.content.decode()

    client.force_login(moderator)
    html = client.get(listing).content.decode()
    assert "/projets/a/" in html and "/projets/b/" in html
    filtered = client.get(listing, {"status": "new"}).content.decode()
    assert "/projets/a/" in filtered and "/projets/b/" not in filtered


def edit(client, report, **data):
    payload = {"status": report.status, "moderator_comment": ""}
    payload.update(data)
    url = reverse("wagtailsnippets_feedback_errorreport:edit", args=[report.pk])
    return client.post(url, payload)


def test_resolving_answers_the_reporter_once(
    client, moderator, django_capture_on_commit_callbacks, mailoutbox
):
    report = ErrorReport.objects.create(
        page_url="/equipes/lim/",
        description="La ville est fausse.",
        email="lecteur@example.org",
    )
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        assert edit(client, report, status="in_progress").status_code == 302
    assert mailoutbox == []

    with django_capture_on_commit_callbacks(execute=True):
        edit(client, report, status="resolved", moderator_comment="Corrigé : Lille.")
    report.refresh_from_db()
    assert report.status == "resolved" and report.handled_by == moderator
    assert report.reporter_notified_at is not None
    assert [m.to for m in mailoutbox] == [["lecteur@example.org"]]
    assert "Corrigé : Lille." in mailoutbox[0].body

    with django_capture_on_commit_callbacks(execute=True):
        edit(client, report, status="resolved", moderator_comment="Encore.")
    assert len(mailoutbox) == 1


def test_rejected_or_anonymous_reports_send_no_answer(
    client, moderator, django_capture_on_commit_callbacks, mailoutbox
):
    rejected = ErrorReport.objects.create(
        page_url="/", description="Pas une erreur.", email="lecteur@example.org"
    )
    anonymous = ErrorReport.objects.create(page_url="/", description="Sans adresse.")
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        edit(client, rejected, status="rejected")
        edit(client, anonymous, status="resolved")
    assert mailoutbox == []


def test_a_team_page_has_the_link_too(client):
    team = TeamFactory()
    assert (
        'id="signaler-une-erreur"'
        in client.get(team.get_absolute_url()).content.decode()
    )


def test_the_form_in_english(client):
    html = client.get("/en" + REPORT).content.decode()
    assert "Report an error" in html and "What is wrong?" in html
