"""Linking an account to a person of the registry: the user claims an ORCID, a
moderator (never the claimant) confirms, and only then is `Person.user` set."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from portal.accounts import services
from portal.accounts.models import PersonClaim
from portal.core.roles import MODERATORS, RESEARCHERS
from registry.models import Person
from tests.accounts.conftest import account
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

ORCID = "0000-0002-1825-0097"
OTHER_ORCID = "0000-0001-5109-3700"
QUEUE_URL = "accounts_admin:claim_queue"


def decide_url(claim, decision):
    return reverse("accounts_admin:claim_decide", args=[claim.pk, decision])


@pytest.fixture
def researcher(django_user_model):
    return account(django_user_model, "camille@inserm.fr", RESEARCHERS)


@pytest.fixture
def reviewer(django_user_model):
    return account(django_user_model, "relecteur@registre.fr", MODERATORS)


def claim_orcid(client, orcid):
    return client.post(reverse("accounts:orcid_claim"), {"orcid": orcid})


def test_bad_checksum_is_rejected_next_to_the_field(client, researcher):
    client.force_login(researcher)
    response = claim_orcid(client, "0000-0002-1825-0098")
    html = response.content.decode()
    assert response.status_code == 400
    assert "clé de contrôle" in html
    assert 'aria-describedby="id_orcid-hint id_orcid-erreurs"' in html
    assert not PersonClaim.objects.exists()


def test_claim_of_an_existing_person_waits_for_a_moderator(
    client, researcher, reviewer, mailoutbox, django_capture_on_commit_callbacks
):
    person = PersonFactory(orcid=ORCID, first_name="Camille", last_name="Durand")
    client.force_login(researcher)
    response = claim_orcid(client, f"https://orcid.org/{ORCID}")
    assert response.status_code == 302
    claim = PersonClaim.objects.get()
    assert (claim.person, claim.status) == (person, PersonClaim.Status.PENDING)
    person.refresh_from_db()
    assert person.user is None
    home = client.get(reverse("accounts:home")).content.decode()
    assert "attend la validation" in home
    # A second request while one is pending is refused.
    assert claim_orcid(client, OTHER_ORCID).status_code == 400

    client.force_login(reviewer)
    queue = client.get(reverse(QUEUE_URL))
    assert queue.status_code == 200
    assert ORCID in queue.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(decide_url(claim, "confirm"))
    assert response.status_code == 302

    person.refresh_from_db()
    claim.refresh_from_db()
    assert person.user == researcher
    assert claim.status == PersonClaim.Status.CONFIRMED
    assert claim.decided_by == reviewer
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [researcher.email]
    assert "Camille Durand" in mailoutbox[0].subject


def test_nobody_else_can_confirm(client, django_user_model, researcher, reviewer):
    claim = services.person_claim_create(
        user=researcher, orcid=PersonFactory(orcid=ORCID).orcid
    )
    other_researcher = account(django_user_model, "autre@inria.fr", RESEARCHERS)

    # A researcher has no admin: sent to the login page, nothing decided.
    client.force_login(other_researcher)
    assert client.post(decide_url(claim, "confirm")).status_code == 302
    assert client.get(reverse(QUEUE_URL)).status_code == 302
    # Even a moderator cannot confirm their own claim.
    researcher.groups.add(reviewer.groups.get())
    client.force_login(researcher)
    # Wagtail answers PermissionDenied in its admin with a redirect to the dashboard.
    response = client.post(decide_url(claim, "confirm"))
    assert response["Location"] == "/admin/"
    with pytest.raises(PermissionDenied):
        services.person_claim_confirm(claim_id=claim.pk, moderator=other_researcher)

    assert Person.objects.get(orcid=ORCID).user is None
    claim.refresh_from_db()
    assert claim.status == PersonClaim.Status.PENDING


def test_person_already_linked_cannot_be_claimed(client, django_user_model, researcher):
    owner = account(django_user_model, "titulaire@cnrs.fr", RESEARCHERS)
    PersonFactory(orcid=ORCID, user=owner)
    client.force_login(researcher)
    response = claim_orcid(client, ORCID)
    assert response.status_code == 400
    assert "déjà liée à un compte" in response.content.decode()
    assert not PersonClaim.objects.exists()


def test_refusal_links_nothing_and_tells_the_user(
    client, researcher, reviewer, mailoutbox, django_capture_on_commit_callbacks
):
    person = PersonFactory(orcid=ORCID)
    claim = services.person_claim_create(user=researcher, orcid=ORCID)
    client.force_login(reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(decide_url(claim, "refuse"), {"reason": "Homonyme."})
    person.refresh_from_db()
    claim.refresh_from_db()
    assert person.user is None
    assert claim.status == PersonClaim.Status.REFUSED
    assert len(mailoutbox) == 1
    assert "Homonyme." in mailoutbox[0].body
    # A decided claim cannot be confirmed afterwards.
    with pytest.raises(ValidationError):
        services.person_claim_confirm(claim_id=claim.pk, moderator=reviewer)


def test_new_person_exists_only_once_confirmed(
    client, researcher, reviewer, django_capture_on_commit_callbacks
):
    client.force_login(researcher)
    response = claim_orcid(client, ORCID)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:person_propose"))
    form = client.get(response["Location"])
    assert form.context["form"].initial["orcid"] == ORCID

    response = client.post(
        reverse("accounts:person_propose"),
        {
            "first_name": "Camille",
            "last_name": "Durand",
            "orcid": ORCID,
            "expertise": "imagerie, IRM",
        },
    )
    assert response.status_code == 302
    assert not Person.objects.filter(orcid=ORCID).exists()
    people_page = client.get(reverse("registry:person_list")).content.decode()
    assert "Durand" not in people_page

    claim = PersonClaim.objects.get()
    client.force_login(reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(decide_url(claim, "confirm"))
    person = Person.objects.get(orcid=ORCID)
    assert person.user == researcher
    assert sorted(tag.name for tag in person.expertise.all()) == ["IRM", "imagerie"]
    assert "Durand" in client.get(reverse("registry:person_list")).content.decode()


def test_proposal_form_errors_lose_nothing(client, researcher):
    client.force_login(researcher)
    response = client.post(
        reverse("accounts:person_propose"),
        {"first_name": "Camille", "last_name": "", "orcid": "1234", "expertise": "IRM"},
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert 'value="Camille"' in html
    assert 'value="IRM"' in html
    assert 'id="id_last_name-erreurs"' in html
    assert not PersonClaim.objects.exists()


def test_fictional_people_are_never_emailed(
    researcher, reviewer, mailoutbox, django_capture_on_commit_callbacks
):
    PersonFactory(orcid=ORCID, is_fictional=True)
    claim = services.person_claim_create(user=researcher, orcid=ORCID)
    with django_capture_on_commit_callbacks(execute=True):
        services.person_claim_confirm(claim_id=claim.pk, moderator=reviewer)
    assert mailoutbox == []


def test_queue_queries_stay_constant(client, django_user_model, reviewer):
    client.force_login(reviewer)

    def queue_queries(count):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        start = PersonClaim.objects.count()
        for index in range(start, start + count):
            user = account(django_user_model, f"demandeur{index}@inserm.fr")
            services.person_proposal_create(
                user=user,
                orcid=_valid_orcid(index),
                first_name="Camille",
                last_name=f"Durand{index}",
            )
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse(QUEUE_URL)).status_code == 200
        return len(queries)

    assert queue_queries(2) == queue_queries(8)


def _valid_orcid(index: int) -> str:
    from registry.validators import orcid_check_digit

    base = f"000000031{index:06d}"
    digits = base + orcid_check_digit(base)
    return "-".join(digits[i : i + 4] for i in range(0, 16, 4))
