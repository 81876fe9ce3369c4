"""The client's address, for every limit of the portal (API throttles, error
reports, allauth's login and sign-up limits).

`X-Forwarded-For` is written by whoever sends the request: only the entries added
by our own reverse proxies can be believed. With `TRUSTED_PROXY_COUNT = N` (from
the environment) the client is the Nth address from the right, the one the
outermost trusted proxy saw; with 0 (the default) the header is ignored and the
socket's `REMOTE_ADDR` is the client."""

from __future__ import annotations

import ipaddress

from django.conf import settings


def _valid_ip(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_ip(request) -> str:
    """The address to count a request against (never taken from a forged header)."""
    meta = getattr(request, "META", {})
    remote = meta.get("REMOTE_ADDR", "") or ""
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if count <= 0:
        return remote
    forwarded = [
        part.strip()
        for part in meta.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if part.strip()
    ]
    if not forwarded:
        return remote
    # Fewer entries than proxies: the request skipped the outer ones, so the
    # leftmost entry is the furthest any trusted proxy saw.
    candidate = forwarded[-min(count, len(forwarded))]
    return _valid_ip(candidate) or remote
