"""Reads about accounts."""

from django.db.models import QuerySet

from portal.accounts.models import PersonClaim
from registry.models import Person


def person_claim_pending_list() -> QuerySet[PersonClaim]:
    """Claims awaiting a moderator, oldest first, with what the list shows."""
    return PersonClaim.objects.filter(status=PersonClaim.Status.PENDING).select_related(
        "user", "person"
    )


def account_person(*, user) -> Person | None:
    """The registry person this account is linked to, if a moderator confirmed it."""
    return Person.objects.filter(user=user).first()


def account_claim_latest(*, user) -> PersonClaim | None:
    return (
        PersonClaim.objects.filter(user=user)
        .select_related("person")
        .order_by("-created_at")
        .first()
    )
