"""A record someone may not see answers exactly like one that does not exist: 404,
never a 403 that would confirm its address. A record anyone may see still answers
403 to those who may not act on it."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from portal.core.roles import EDITORS, MODERATORS
from projects.collaboration.models import CollaborationCall
from tests.factories import (
    EvaluationFactory,
    MembershipFactory,
    PersonFactory,
    ProjectFactory,
    TeamFactory,
)
from tests.matching.calls import CallFactory
from tests.security.pages import page_shape

pytestmark = pytest.mark.django_db

ABSENT = "nexiste-pas"
FORM_POSTS = {
    "evaluation_request": {
        "model_version": "v1",
        "intended_use": "Usage prévu.",
        "contact_email": "a@example.org",
    },
    "call_update": {"title": "Vandalisme", "text": "x" * 40, "status": "open"},
}


def url(name: str, slug: str) -> str:
    if name == "evaluation_request":
        return reverse("evaluations:evaluation_request", kwargs={"slug": slug})
    return reverse("collaboration:call_update", kwargs={"slug": slug})


def hidden_records(name: str) -> list[str]:
    if name == "evaluation_request":
        return [ProjectFactory(live=False).slug]
    draft = CallFactory(team=TeamFactory(), status=CollaborationCall.Status.DRAFT)
    closed = CallFactory(team=TeamFactory(), status=CollaborationCall.Status.CLOSED)
    of_a_draft = CallFactory(project=ProjectFactory(live=False))
    return [draft.slug, closed.slug, of_a_draft.slug]


def public_record(name: str) -> str:
    if name == "evaluation_request":
        return ProjectFactory().slug
    return CallFactory(team=TeamFactory()).slug


@pytest.fixture
def stranger(client, django_user_model):
    """A signed-in researcher with a registry person, on no team or project."""
    user = django_user_model.objects.create_user(
        username="curieuse", email="curieuse@example.org", password="x"
    )
    user.groups.add(Group.objects.get_or_create(name="Researchers")[0])
    MembershipFactory(person=PersonFactory(user=user), team=TeamFactory())
    client.force_login(user)
    return user


@pytest.mark.parametrize("name", ["evaluation_request", "call_update"])
def test_hidden_and_absent_answer_the_same_404(client, stranger, name):
    for method in ("get", "post"):
        send = getattr(client, method)
        data = FORM_POSTS[name] if method == "post" else None
        absent = send(url(name, ABSENT), data)
        assert absent.status_code == 404
        for slug in hidden_records(name):
            hidden = send(url(name, slug), data)
            assert hidden.status_code == 404, (method, slug)
            assert page_shape(hidden, slug) == page_shape(absent, ABSENT)
        # What anyone may see says « not yours »: that reveals nothing.
        assert send(url(name, public_record(name)), data).status_code == 403


def test_evaluation_steps_refuse_other_roles_before_looking_up(
    client, django_user_model
):
    editor = django_user_model.objects.create_user(
        username="redac", email="redac@example.org", password="x"
    )
    editor.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(editor)
    evaluation = EvaluationFactory(project=ProjectFactory())

    existing = client.get(reverse("evaluation_steps", args=[evaluation.pk]))
    absent = client.get(reverse("evaluation_steps", args=[evaluation.pk + 1000]))

    # Wagtail turns the refusal into a redirect to the admin's home, for both.
    assert existing.status_code == absent.status_code == 302
    assert existing["Location"] == absent["Location"] == reverse("wagtailadmin_home")


def test_deciding_an_unknown_claim_is_a_404(client, django_user_model):
    moderator = django_user_model.objects.create_user(
        username="modo", email="modo@example.org", password="x"
    )
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    client.force_login(moderator)

    response = client.post(
        reverse("accounts_admin:claim_decide", args=[999, "confirm"])
    )

    assert response.status_code == 404
