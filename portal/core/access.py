"""How a view refuses an action on a record it has already looked up."""

from typing import NoReturn

from django.core.exceptions import PermissionDenied
from django.http import Http404


def refuse(*, publicly_visible: bool) -> NoReturn:
    """403 only for a record anyone may see; otherwise the 404 of a missing one.

    A 403 on a hidden record (a draft, a closed call) would tell its address
    exists: a hidden record and an absent one must answer the same."""
    if publicly_visible:
        raise PermissionDenied
    raise Http404
