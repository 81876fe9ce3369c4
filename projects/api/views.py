"""Project and taxonomy endpoints: public reads, and draft writes for members and
editors. Reads go through `Project.objects.public()`; writes through
`projects.api.services`, which never publish."""

import io
import json

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import exceptions, status
from rest_framework.decorators import action
from rest_framework.generics import get_object_or_404
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response

from portal.core.api.core import ErrorResponseSerializer, PublicReadViewSet
from portal.core.json_input import DepthLimitedJSONParser
from projects import selectors
from projects.api import serializers, services
from projects.api.filters import ProjectApiFilter
from projects.api.list_rows import ProjectListRows
from projects.api.version import project_list_data_version
from projects.api.write import ProjectWriteSerializer
from projects.drafts import EditConflict
from projects.jsonld import project_jsonld
from projects.models import Domain, Project, Technique
from registry.api.views import documented, identifier_schema

WRITE_ERRORS = {
    400: ErrorResponseSerializer,
    401: ErrorResponseSerializer,
    403: ErrorResponseSerializer,
    404: ErrorResponseSerializer,
}


class DraftConflict(exceptions.APIException):
    """The draft was saved by someone else since the `revision` the client read."""

    status_code = status.HTTP_409_CONFLICT
    default_code = "edit_conflict"


class BoundedJSONParser(DepthLimitedJSONParser):
    """JSON bodies up to `API_MAX_PAYLOAD_BYTES` (and the nesting bound); larger
    ones are refused whole."""

    def parse(self, stream, media_type=None, parser_context=None):
        limit = settings.API_MAX_PAYLOAD_BYTES
        body = stream.read(limit + 1)
        if len(body) > limit:
            raise exceptions.ValidationError(
                exceptions.ErrorDetail(
                    _("Requête trop volumineuse : %(limit)d octets au plus.")
                    % {"limit": limit},
                    code="payload_too_large",
                )
            )
        return super().parse(io.BytesIO(body), media_type, parser_context)


@documented(serializers.ProjectSerializer)
@extend_schema_view(
    create=extend_schema(
        request=ProjectWriteSerializer,
        responses={201: serializers.ProjectDraftSerializer, **WRITE_ERRORS},
        description="Create a project draft (never published).",
    ),
    partial_update=extend_schema(
        request=ProjectWriteSerializer,
        responses={
            200: serializers.ProjectDraftSerializer,
            409: ErrorResponseSerializer,
            **WRITE_ERRORS,
        },
        description="Save a new draft revision of a project.",
    ),
)
class ProjectViewSet(PublicReadViewSet):
    """Published projects. Members and editors may create and edit drafts;
    publishing happens in the admin's moderation workflow."""

    serializer_class = serializers.ProjectSerializer
    filterset_class = ProjectApiFilter
    ordering_fields = ["slug", "title", "updated_at", "created_at"]
    parser_classes = [BoundedJSONParser]
    http_method_names = ["get", "head", "options", "post", "patch"]
    jsonld_actions = ("retrieve", "by_doi")
    queryset = Project.objects.none()
    list_rows = ProjectListRows()

    def get_permissions(self):
        if self.action in ("create", "partial_update"):
            return [IsAuthenticated()]
        return [AllowAny()]

    def public_queryset(self):
        # JSON-LD details read their few relations directly: a prefetch here would
        # clash with the same relation's `?expand=` prefetch.
        return selectors.project_public_list().prefetch_related("keywords")

    def list_data_version(self) -> str:
        return project_list_data_version()

    def jsonld(self, project: Project) -> dict:
        return json.loads(project_jsonld(project=project, request=self.request))

    def last_modified(self, project: Project):
        return project.updated_at

    @identifier_schema(
        serializers.ProjectSerializer, "Project by the DOI of one of its publications."
    )
    @action(detail=False, url_path=r"doi/(?P<doi>10\.[\s\S]+)")
    def by_doi(self, request, doi: str):
        return self.get_by(publications__doi__iexact=doi)

    def create(self, request, *args, **kwargs):
        if not services.user_can_create_project(user=request.user):
            raise exceptions.PermissionDenied(
                _("Seuls les membres du registre et les éditeurs créent des projets.")
            )
        payload = ProjectWriteSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        project = services.project_draft_create(
            user=request.user, data=payload.validated_data
        )
        return Response(
            serializers.ProjectDraftSerializer(
                project, context=self.get_serializer_context()
            ).data,
            status=status.HTTP_201_CREATED,
        )

    def partial_update(self, request, *args, **kwargs):
        project = get_object_or_404(
            services.project_editable_list(user=request.user),
            slug=self.kwargs["slug"],
        )
        payload = ProjectWriteSerializer(project, data=request.data, partial=True)
        payload.is_valid(raise_exception=True)
        data = dict(payload.validated_data)
        try:
            draft = services.project_draft_update(
                project=project,
                user=request.user,
                data=data,
                base_revision_id=data.pop("revision", None),
            )
        except EditConflict as error:
            raise DraftConflict(
                {
                    "revision": exceptions.ErrorDetail(
                        _(
                            "Le projet a été modifié depuis la révision %(read)s "
                            "(dernière révision : %(latest)s) : relisez-le avant "
                            "d’enregistrer."
                        )
                        % {
                            "read": request.data.get("revision"),
                            "latest": getattr(error.current_revision, "pk", None),
                        },
                        code="edit_conflict",
                    )
                }
            ) from error
        return Response(
            serializers.ProjectDraftSerializer(
                draft, context=self.get_serializer_context()
            ).data
        )


@documented(serializers.DomainSerializer)
class DomainViewSet(PublicReadViewSet):
    """Medical domains, a two-level vocabulary."""

    serializer_class = serializers.DomainSerializer
    ordering_fields = ["slug", "name", "position"]
    filterset_fields = {"parent__slug": ["exact"]}
    queryset = Domain.objects.none()

    def public_queryset(self):
        return Domain.objects.select_related("parent")


@documented(serializers.TechniqueSerializer)
class TechniqueViewSet(PublicReadViewSet):
    """AI techniques, a two-level vocabulary."""

    serializer_class = serializers.TechniqueSerializer
    ordering_fields = ["slug", "name", "position"]
    filterset_fields = {"parent__slug": ["exact"]}
    queryset = Technique.objects.none()

    def public_queryset(self):
        return Technique.objects.select_related("parent")
