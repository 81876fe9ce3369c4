"""URL map: admin and API outside the language prefix, public pages French first
with English under /en/."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from portal.guides import EvaluationMethodView, GlossaryView
from portal.health import health
from portal.sitemaps import SITEMAPS
from projects.dashboard.api import IndicatorsApiView
from search.api.matching import TeamMatchView
from search.api.views import SearchView

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    # Health of the services behind the portal, for monitoring (issue 17).
    path("sante/", health, name="health"),
    path("i18n/", include("django.conf.urls.i18n")),
    # Before the API router under api/: the dashboard's indicators (issue 7).
    path("api/v1/indicators/", IndicatorsApiView.as_view(), name="api_indicators"),
    path("api/v1/search/", SearchView.as_view(), name="api_search"),
    path("api/v1/match/teams/", TeamMatchView.as_view(), name="api_match_teams"),
    path("api/", include("portal.api")),
]

# --- Accounts and roles (issue 6): allauth under /compte/; Wagtail's login form and
# the API token endpoint go through the same brute-force throttle.
from portal.accounts import urls as accounts_urls  # noqa: E402
from portal.accounts.api import ThrottledObtainAuthToken  # noqa: E402
from portal.accounts.views import admin_login_redirect  # noqa: E402

urlpatterns = [
    path("admin/login/", admin_login_redirect, name="admin_login"),
    path("api/v1/auth/token/", ThrottledObtainAuthToken.as_view()),
    *urlpatterns,
]
urlpatterns += i18n_patterns(
    path("compte/", include((accounts_urls.urlpatterns, "accounts"))),
    path("compte/", include(accounts_urls.allauth_urlpatterns)),
    prefix_default_language=False,
)
# --- end of accounts -----------------------------------------------------------

urlpatterns += i18n_patterns(
    # INESIA evaluation requests (issue 6, evaluations).
    path("", include("projects.evaluations.urls")),
    path("", include("projects.urls")),
    path("", include("registry.urls")),
    # « Mes données de santé » (issue 18): /mes-donnees/, /en/my-data/.
    path("", include("projects.mydata.urls")),
    path("", include("portal.opendata.urls")),
    path("", include("search.urls")),
    # Alerts and error reports (issue 6, part 5)
    path("", include("search.alerts.urls")),
    path("", include("portal.feedback.urls")),
    # Researchers' contributions (issue 6, part 2): « Mes projets » under /espace/.
    path("", include("projects.contribution.urls")),
    # Calls for collaboration and contact requests (issue 4, team matching).
    path("", include("projects.collaboration.urls")),
    # Citizens' guides (issue 16): translated paths, /en/glossary/ in English.
    path(_("glossaire/"), GlossaryView.as_view(), name="glossary"),
    path(
        _("comment-inesia-evalue/"),
        EvaluationMethodView.as_view(),
        name="evaluation_method",
    ),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns
    from django.http import Http404
    from django.urls import re_path

    def _documents_not_from_disk(request, path):
        raise Http404

    urlpatterns = staticfiles_urlpatterns() + urlpatterns
    # Documents only through /documents/, which checks who may see them.
    urlpatterns += [
        re_path(
            rf"^{settings.MEDIA_URL.strip('/')}/documents/(?P<path>.*)$",
            _documents_not_from_disk,
        )
    ]
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Error pages: JSON `{"errors": [...]}` under /api/, DSFR pages elsewhere (issue 17).
handler400 = "portal.core.error_views.bad_request"
handler403 = "portal.core.error_views.permission_denied"
handler404 = "portal.core.error_views.page_not_found"
handler500 = "portal.core.error_views.server_error"
