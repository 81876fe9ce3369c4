"""Signed one-click unsubscribe links: no login, no expiry (old e-mails keep working),
and nothing to guess: the signature is the authorisation."""

from django.core import signing
from django.urls import reverse

SALT = "alerts.unsubscribe"
# What a token can switch off: one saved search, one follow, or all of a user's alerts.
KINDS = ("search", "follow", "user")


def unsubscribe_token(*, kind: str, pk: int) -> str:
    if kind not in KINDS:
        raise ValueError(kind)
    return signing.dumps([kind, pk], salt=SALT)


def unsubscribe_path(*, kind: str, pk: int) -> str:
    return reverse(
        "alerts:unsubscribe", kwargs={"token": unsubscribe_token(kind=kind, pk=pk)}
    )


def unsubscribe_target(*, token: str) -> tuple[str, int]:
    """(kind, pk) of a token; raises signing.BadSignature for anything not ours."""
    value = signing.loads(token, salt=SALT)
    if (
        not isinstance(value, list)
        or len(value) != 2
        or value[0] not in KINDS
        or not isinstance(value[1], int)
    ):
        raise signing.BadSignature("unexpected unsubscribe payload")
    return value[0], value[1]
