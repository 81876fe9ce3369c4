"""Classes named in `REST_FRAMEWORK` settings (throttles, pagination).

DRF imports them while it defines `APIView` itself, so this module must not import
`rest_framework.views`, `generics` or `viewsets` (that would be circular)."""

from rest_framework.pagination import CursorPagination
from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle

# ---------------------------------------------------------------------------
# Throttles: DRF reads its rates once at import; these read them per request so
# that settings (and tests overriding them) take effect.


class AnonymousThrottle(AnonRateThrottle):
    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)


class AuthenticatedThrottle(UserRateThrottle):
    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)


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
