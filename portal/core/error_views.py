"""Error pages (`handler400/403/404/500`, `CSRF_FAILURE_VIEW`): the API's documented
JSON under `/api/`, DSFR pages elsewhere.

Django answers a body over `DATA_UPLOAD_MAX_MEMORY_SIZE`, a bad Host header or an
unhandled exception with its own handlers, outside DRF's exception handler: without
these, an API client would get an HTML page instead of `{"errors": [...]}`."""

from django.core.exceptions import RequestDataTooBig
from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views import defaults

API_PREFIX = "/api/"


def _is_api(request) -> bool:
    return request.path.startswith(API_PREFIX)


def _api_error(status: int, code: str, message: str) -> JsonResponse:
    error = {"field": None, "code": code, "message": message}
    return JsonResponse({"errors": [error]}, status=status)


def bad_request(request, exception=None):
    if _is_api(request):
        if isinstance(exception, RequestDataTooBig):
            return _api_error(
                400,
                "payload_too_large",
                _("Requête trop volumineuse pour être traitée."),
            )
        return _api_error(400, "bad_request", _("Requête invalide."))
    return defaults.bad_request(request, exception)


def permission_denied(request, exception=None):
    if _is_api(request):
        return _api_error(
            403,
            "permission_denied",
            _("Vous n’avez pas la permission d’effectuer cette action."),
        )
    return defaults.permission_denied(request, exception)


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: a write without a valid token on a view that is not the
    API's own (DRF views check CSRF themselves), e.g. a malformed API path that
    falls through to the site's pages. JSON under `/api/`, the DSFR 403 elsewhere."""
    if _is_api(request):
        return _api_error(
            403,
            "csrf_failed",
            _("Jeton CSRF absent ou invalide : rechargez la page et réessayez."),
        )
    return defaults.permission_denied(request, exception=None)


def page_not_found(request, exception=None):
    if _is_api(request):
        return _api_error(404, "not_found", _("Ressource introuvable."))
    return defaults.page_not_found(request, exception)


def server_error(request):
    if _is_api(request):
        return _api_error(
            500,
            "server_error",
            _("Erreur inattendue. Réessayez dans quelques instants."),
        )
    return defaults.server_error(request)
