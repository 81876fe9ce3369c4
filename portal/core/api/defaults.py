"""Classes named in `REST_FRAMEWORK` settings (throttles, pagination).

DRF imports them while it defines `APIView` itself, so this module must not import
`rest_framework.views`, `generics` or `viewsets` (that would be circular)."""

from rest_framework.pagination import CursorPagination
from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle

from portal.core.client_ip import client_ip

# ---------------------------------------------------------------------------
# Throttles: DRF reads its rates once at import; these read them per request so
# that settings (and tests overriding them) take effect. DRF's own `get_ident`
# believes any X-Forwarded-For when NUM_PROXIES is unset: ours counts the address
# given by the portal's one rule.


class AnonymousThrottle(AnonRateThrottle):
    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def get_ident(self, request):
        return client_ip(request)


class AuthenticatedThrottle(UserRateThrottle):
    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def get_cache_key(self, request, view):
        # Anonymous clients have their own throttle: counting them here too cost
        # every anonymous request two more cache round trips, for a looser limit.
        if not request.user.is_authenticated:
            return None
        return super().get_cache_key(request, view)

    def get_ident(self, request):
        return client_ip(request)


# ---------------------------------------------------------------------------
# Pagination


class RegistryCursorPagination(CursorPagination):
    """Cursor pagination: stable under inserts, and O(1) however deep one pages.

    The first ordering field positions the cursor, so orderings offered by the
    viewsets are on non-null fields; ties are resolved by DRF's offset."""

    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100
    ordering = "slug"
