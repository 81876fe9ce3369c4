"""URL map: admin and API outside the language prefix, public pages French first
with English under /en/."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from portal.sitemaps import SITEMAPS
from projects.dashboard.api import IndicatorsApiView
from search.api.matching import TeamMatchView
from search.api.views import SearchView

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("i18n/", include("django.conf.urls.i18n")),
    # Before the API router under api/: the dashboard's indicators (issue 7).
    path("api/v1/indicators/", IndicatorsApiView.as_view(), name="api_indicators"),
    path("api/v1/search/", SearchView.as_view(), name="api_search"),
    path("api/v1/match/teams/", TeamMatchView.as_view(), name="api_match_teams"),
    path("api/", include("portal.api")),
]

urlpatterns += i18n_patterns(
    # INESIA evaluation requests (issue 6, evaluations).
    path("", include("registry.evaluations.urls")),
    path("", include("projects.urls")),
    path("", include("registry.urls")),
    path("", include("portal.opendata.urls")),
    path("", include("search.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns = staticfiles_urlpatterns() + urlpatterns
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
