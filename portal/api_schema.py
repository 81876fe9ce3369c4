"""OpenAPI schema scope: the portal's public API only, not Wagtail's admin endpoints."""


def public_api_endpoints(endpoints, **kwargs):
    """drf-spectacular preprocessing hook keeping paths under /api/."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/")]
