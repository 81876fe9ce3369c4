"""The Content-Security-Policy header (django-csp), with other directives on the
few paths whose third-party front ends need them (settings.CSP_PATH_DIRECTIVES)."""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase


class PathAwareCSPMiddleware(CSPMiddleware):
    """django-csp's middleware; under a prefix of CSP_PATH_DIRECTIVES, that prefix's
    directives replace the site-wide ones of the same name (the others stay).

    Replaced, not added to: a browser ignores 'unsafe-inline' next to a nonce."""

    def get_policy_parts(
        self,
        request: HttpRequest,
        response: HttpResponseBase,
        report_only: bool = False,
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        for prefix, directives in settings.CSP_PATH_DIRECTIVES.items():
            if request.path_info.startswith(prefix):
                parts.replace = {**directives, **(parts.replace or {})}
                break
        return parts
