"""Receivers of allauth's signals; the rules live in roles.py."""

from portal.core.roles import researcher_role_grant


def email_confirmed_handler(sender, request, email_address, **kwargs) -> None:
    """A confirmed address makes the account a researcher's."""
    researcher_role_grant(user=email_address.user)
