"""Who may be e-mailed: never a fictional, inactive or address-less person. The
predicates and their query forms (portal/core/recipients.py) say the same."""

from types import SimpleNamespace

import pytest

from portal.core.recipients import (
    person_may_be_emailed,
    reachable_users_q,
    user_may_be_emailed,
)
from registry.models import Person
from tests.factories import PersonFactory


def account(*, active=True, email="a@example.org", person=None):
    return SimpleNamespace(is_active=active, email=email, person=person)


REAL = SimpleNamespace(email="p@example.org", is_fictional=False)
DEMO = SimpleNamespace(email="d@example.org", is_fictional=True)


@pytest.mark.parametrize(
    "user, expected",
    [
        (account(), True),
        (account(person=REAL), True),
        (account(active=False), False),
        (account(email=""), False),
        (account(person=DEMO), False),
        (None, False),
    ],
)
def test_an_account_is_written_to_only_when_active_addressed_and_real(user, expected):
    assert user_may_be_emailed(user) is expected


def test_the_person_a_message_is_about_overrides_the_linked_one():
    assert user_may_be_emailed(account(person=REAL), person=DEMO) is False
    assert user_may_be_emailed(account(), person=REAL) is True


@pytest.mark.parametrize(
    "person, expected",
    [
        (REAL, True),
        (DEMO, False),
        (SimpleNamespace(email="", is_fictional=False), False),
        (None, False),
    ],
)
def test_a_registry_person_needs_an_address_and_to_be_real(person, expected):
    assert person_may_be_emailed(person) is expected


@pytest.mark.django_db
def test_the_queries_select_what_the_predicates_accept(django_user_model):
    def user(name, **fields):
        return django_user_model.objects.create_user(
            username=name, email=fields.pop("email", f"{name}@example.org"), **fields
        )

    users = [
        user("active"),
        user("inactive", is_active=False),
        user("sans-adresse", email=""),
        user("demo"),
        user("reelle"),
    ]
    PersonFactory(user=users[3], is_fictional=True)
    PersonFactory(user=users[4])
    people = [
        PersonFactory(),
        PersonFactory(is_fictional=True),
        PersonFactory(email=""),
    ]

    reachable = set(django_user_model.objects.filter(reachable_users_q()))
    assert reachable == {u for u in users if user_may_be_emailed(u)}
    assert {u.username for u in reachable} == {"active", "reelle"}
    assert (
        set(Person.objects.reachable().filter(pk__in=[p.pk for p in people]))
        == {p for p in people if person_may_be_emailed(p)}
        == {people[0]}
    )
