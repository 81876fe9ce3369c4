"""The API's token endpoint, behind the same brute-force throttle as the login form."""

from allauth.core import ratelimit
from django.contrib.sites.shortcuts import get_current_site
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.exceptions import ErrorDetail, ValidationError
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response

from portal.core.json_input import DepthLimitedJSONParser


def _login_failed_key(request, username: str) -> str:
    # The key allauth gives failed logins (site and login), so a username tried on
    # this door is limited like an e-mail address on the login form.
    return f"{get_current_site(request).domain}:{username.lower()}"


class ThrottledObtainAuthToken(ObtainAuthToken):
    """POST /api/v1/auth/token/: after too many failures (per IP, per username) even
    the right password is refused with 429 until the window passes."""

    # DRF's view names its own parsers: the JSON one without a nesting bound.
    parser_classes = [DepthLimitedJSONParser, FormParser, MultiPartParser]

    @extend_schema(exclude=True)  # documented by DRF's view it stands in front of
    def post(self, request, *args, **kwargs):
        if not isinstance(request.data, dict):  # JSON `[]`, `null`, `"x"`, `123`
            raise ValidationError(
                ErrorDetail(
                    _("Envoyez un objet avec « username » et « password »."),
                    code="invalid",
                )
            )
        key = _login_failed_key(request, str(request.data.get("username", "")))
        if not ratelimit.consume(request, action="login_failed", key=key, dry_run=True):
            error = {
                "field": None,
                "code": "throttled",
                "message": _("Trop de tentatives de connexion. Réessayez plus tard."),
            }
            return Response(
                {"errors": [error]}, status=status.HTTP_429_TOO_MANY_REQUESTS
            )
        try:
            return super().post(request, *args, **kwargs)
        except ValidationError:
            ratelimit.consume(request, action="login_failed", key=key)
            raise
