"""The public API's URL map: `/api/v1/` resources, the OpenAPI schema and its docs.

Included from `portal/urls.py` outside the language prefix. Every error answers
`{"errors": [{"field": ..., "code": ..., "message": ...}]}` (see
`portal.core.api.core`)."""

from django.http import JsonResponse
from django.urls import include, path, re_path
from django.utils.translation import gettext as _
from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularRedocView,
    SpectacularSwaggerSplitView,
)
from rest_framework.authtoken.views import obtain_auth_token
from rest_framework.routers import DefaultRouter

from projects.api.views import DomainViewSet, ProjectViewSet, TechniqueViewSet
from projects.evaluations.api.views import EvaluationViewSet
from registry.api.views import (
    DatasetViewSet,
    OrganisationViewSet,
    PersonViewSet,
    TeamViewSet,
)

router = DefaultRouter()
router.include_format_suffixes = False
router.register("organisations", OrganisationViewSet, basename="organisation")
router.register("teams", TeamViewSet, basename="team")
router.register("people", PersonViewSet, basename="person")
router.register("datasets", DatasetViewSet, basename="dataset")
router.register("projects", ProjectViewSet, basename="project")
router.register("evaluations", EvaluationViewSet, basename="evaluation")
router.register("domains", DomainViewSet, basename="domain")
router.register("techniques", TechniqueViewSet, basename="technique")


def not_found(request, *args, **kwargs):
    """Unknown /api/ paths answer in the API's error shape, not with an HTML page."""
    error = {"field": None, "code": "not_found", "message": _("Ressource introuvable.")}
    return JsonResponse({"errors": [error]}, status=404)


urlpatterns = [
    path("v1/", include((router.urls, "api"), namespace="api")),
    path("v1/auth/token/", obtain_auth_token, name="api-token"),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path(
        "docs/",
        # Its start-up script is a file (?script), not inline: the CSP allows it.
        SpectacularSwaggerSplitView.as_view(url_name="api-schema"),
        name="api-docs",
    ),
    path(
        "redoc/", SpectacularRedocView.as_view(url_name="api-schema"), name="api-redoc"
    ),
    # Last: paths ending in a slash that nothing above matched.
    re_path(r"^[\s\S]*/$", not_found),
]
