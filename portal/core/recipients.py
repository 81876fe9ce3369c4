"""Who may be e-mailed, decided once.

The portal never writes to an address-less, inactive or fictional (demo) person:
an account must be active, have an address, and not be the account of a fictional
registry person; a registry person (a team's contact, who may have no account)
must have an address and not be fictional. Every notification, digest and contact
request asks here, by object (`user_may_be_emailed`, `person_may_be_emailed`) or in
a query (`reachable_users_q`, `reachable_people_q`, `Person.objects.reachable()`).

Foundation layer: reads attributes (`is_active`, `email`, `person`, `is_fictional`),
imports no app.
"""

from django.db.models import Q


def person_may_be_emailed(person, *, demo_allowed: bool = False) -> bool:
    """A registry person: has an address and is not a fictional (demo) one.

    `demo_allowed`: fictional people count too, where the portal prints its mail
    instead of sending it (`CONTACT_DEMO_RECIPIENTS` on `make run`)."""
    return (
        person is not None
        and bool(person.email)
        and (demo_allowed or not getattr(person, "is_fictional", False))
    )


def user_may_be_emailed(user, *, person=None) -> bool:
    """An account: active, with an address, and not a fictional person's.

    `person` is the registry person the message concerns the account as, when it is
    not (yet) the account's own (a claim); by default the account's linked person.
    """
    if user is None or not getattr(user, "is_active", False):
        return False
    if not getattr(user, "email", ""):
        return False
    if person is None:
        # A missing reverse one-to-one raises a subclass of AttributeError.
        person = getattr(user, "person", None)
    return not getattr(person, "is_fictional", False)


def reachable_users_q(prefix: str = "") -> Q:
    """`user_may_be_emailed` as a query on users, or on rows that reach a user
    through `prefix` (`"user__"`)."""
    return (
        Q(**{f"{prefix}is_active": True})
        & ~Q(**{f"{prefix}email": ""})
        & ~Q(**{f"{prefix}person__is_fictional": True})
    )


def reachable_people_q(prefix: str = "") -> Q:
    """`person_may_be_emailed` as a query on registry people, or on rows that reach
    a person through `prefix` (`"person__"`)."""
    return Q(**{f"{prefix}is_fictional": False}) & ~Q(**{f"{prefix}email": ""})
