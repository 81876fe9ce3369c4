"""Mechanics shared by the endpoints of the public API (`/api/v1/`).

- one JSON error shape, `{"errors": [{"field", "code", "message"}]}`, for every 4xx;
- throttles whose rates are read from settings at request time;
- cursor pagination; `?expand=` of related objects declared per viewset;
- `ETag`/`Last-Modified` and conditional GET (304) on detail endpoints;
- a JSON-LD renderer for `?format=jsonld`.

Per-app serializers and viewsets live in `registry/api/` and `projects/api/`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpResponseNotModified
from django.utils.cache import get_conditional_response
from django.utils.http import http_date, quote_etag
from django.utils.translation import gettext_lazy as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework import exceptions, serializers, viewsets
from rest_framework.fields import get_error_detail
from rest_framework.filters import OrderingFilter
from rest_framework.generics import get_object_or_404
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler

from portal.core.api.defaults import RegistryCursorPagination
from portal.core.api.list_rows import ListRows
from portal.core.api.page_cache import cached_page_response, is_cacheable
from portal.core.api.rows import RowsLoader

# ---------------------------------------------------------------------------
# Errors


class ErrorSerializer(serializers.Serializer):
    """One problem: the field it concerns (null for the whole request), a stable
    machine code and a human message in the request's language."""

    field = serializers.CharField(allow_null=True)
    code = serializers.CharField()
    message = serializers.CharField()


class ErrorResponseSerializer(serializers.Serializer):
    errors = ErrorSerializer(many=True)


def _is_leaf(detail) -> bool:
    return isinstance(detail, dict) and set(detail) == {"message", "code"}


def _flatten(detail, path: str | None) -> Iterator[dict]:
    if _is_leaf(detail):
        yield {"field": path, "code": detail["code"], "message": detail["message"]}
    elif isinstance(detail, dict):
        for key, value in detail.items():
            if key == api_settings.NON_FIELD_ERRORS_KEY:
                yield from _flatten(value, path)
            else:
                yield from _flatten(value, f"{path}.{key}" if path else str(key))
    elif isinstance(detail, list):
        for index, item in enumerate(detail):
            nested = isinstance(item, dict) and not _is_leaf(item)
            yield from _flatten(item, f"{path}.{index}" if nested else path)


def error_list(exc: exceptions.APIException) -> list[dict]:
    return list(_flatten(exc.get_full_details(), None))


def _django_to_drf(exc: DjangoValidationError) -> exceptions.ValidationError:
    return exceptions.ValidationError(detail=get_error_detail(exc))


def exception_handler(exc, context):
    """The handler named in settings (`REST_FRAMEWORK["EXCEPTION_HANDLER"]`)."""
    if isinstance(exc, DjangoValidationError):
        exc = _django_to_drf(exc)
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound(*exc.args)
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied(*exc.args)
    response = drf_exception_handler(exc, context)
    if response is not None and isinstance(exc, exceptions.APIException):
        response.data = {"errors": error_list(exc)}
    return response


# ---------------------------------------------------------------------------
# Renderers


class JsonLdRenderer(JSONRenderer):
    """schema.org JSON-LD, chosen with `?format=jsonld` on detail endpoints."""

    media_type = "application/ld+json"
    format = "jsonld"


# ---------------------------------------------------------------------------
# Expansions


@dataclass(frozen=True)
class Expansion:
    """What `?expand=<name>` adds: a serializer field and the queryset lookups that
    load it for a whole page at once (so a page's query count is constant), or
    `rows` read as plain dicts onto `rows_attribute` once the page is fetched
    (portal/core/api/rows.py: no model instance per related row)."""

    field: Callable[[], serializers.Field]
    select: tuple[str, ...] = ()
    prefetch: tuple = ()
    rows: RowsLoader | None = None
    rows_attribute: str = ""

    def apply(self, queryset: QuerySet) -> QuerySet:
        if self.select:
            queryset = queryset.select_related(*self.select)
        if self.prefetch:
            queryset = queryset.prefetch_related(*self.prefetch)
        return queryset


class ExpandableSerializerMixin:
    """Adds the expanded fields named in `context["expand"]` (or replaces the
    plain representation of the same name, e.g. a slug by the nested object)."""

    expansions: dict[str, Expansion] = {}

    def get_fields(self):
        fields = super().get_fields()
        for name in self.context.get("expand", ()):
            if name in self.expansions:
                fields[name] = self.expansions[name].field()
        return fields


def parse_expand(raw: str, allowed: Iterable[str]) -> list[str]:
    names = [name.strip() for name in (raw or "").split(",") if name.strip()]
    unknown = sorted(set(names) - set(allowed))
    if unknown:
        raise exceptions.ValidationError(
            {
                "expand": [
                    exceptions.ErrorDetail(
                        _("Expansion inconnue : %(names)s. Possibles : %(allowed)s.")
                        % {
                            "names": ", ".join(unknown),
                            "allowed": ", ".join(sorted(allowed)),
                        },
                        code="unknown_expansion",
                    )
                ]
            }
        )
    return list(dict.fromkeys(names))


def expand_parameter(names: Iterable[str]) -> OpenApiParameter:
    names = sorted(names)
    return OpenApiParameter(
        "expand",
        OpenApiTypes.STR,
        description=(
            "Comma-separated related objects to embed, loaded for the whole page "
            f"at once: {', '.join(names)}."
        ),
        required=False,
    )


class ExpandViewMixin:
    """Reads `?expand=`, validates it against the serializer's expansions and
    applies their select/prefetch lookups to the queryset."""

    def requested_expansions(self) -> list[str]:
        if not hasattr(self, "_expand"):
            serializer_class = self.get_serializer_class()
            allowed = getattr(serializer_class, "expansions", {})
            self._expand = parse_expand(
                self.request.query_params.get("expand", ""), allowed
            )
        return self._expand

    def expand_queryset(self, queryset: QuerySet) -> QuerySet:
        expansions = getattr(self.get_serializer_class(), "expansions", {})
        for name in self.requested_expansions():
            queryset = expansions[name].apply(queryset)
        return queryset

    def expand_objects(self, objects: list) -> list:
        """Attaches the `rows` expansions to the fetched objects (one query each)."""
        expansions = getattr(self.get_serializer_class(), "expansions", {})
        for name in self.requested_expansions():
            expansion = expansions[name]
            if expansion.rows is not None and objects:
                expansion.rows.attach(objects, expansion.rows_attribute)
        return objects

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if self.request is not None and self.request.method in ("GET", "HEAD"):
            context["expand"] = self.requested_expansions()
        return context


# ---------------------------------------------------------------------------
# Conditional GET


def conditional_response(request, *, data, last_modified=None) -> Response:
    """A 200 with `ETag` (and `Last-Modified` when known), or a bare 304 when the
    client's validators still match. The ETag hashes the representation itself,
    so it changes with any visible change, including expansions and format."""
    fingerprint = hashlib.sha256(
        JSONRenderer().render(data) + request.accepted_renderer.format.encode()
    ).hexdigest()[:32]
    # Whole seconds: HTTP dates have no fractions, so If-Modified-Since can match.
    timestamp = int(last_modified.timestamp()) if last_modified else None
    not_modified = get_conditional_response(
        request._request, etag=quote_etag(fingerprint), last_modified=timestamp
    )
    if isinstance(not_modified, HttpResponseNotModified):
        return not_modified
    if not_modified is not None:  # 412 Precondition Failed
        return not_modified
    response = Response(data)
    response["ETag"] = quote_etag(fingerprint)
    if timestamp is not None:
        response["Last-Modified"] = http_date(timestamp)
    return response


# ---------------------------------------------------------------------------
# Base viewset


class PublicReadViewSet(ExpandViewMixin, viewsets.ReadOnlyModelViewSet):
    """List and detail of one public resource.

    Subclasses give `public_queryset()` (built on the visibility selectors), and
    may give `jsonld(obj)` to offer `?format=jsonld` on their detail endpoints."""

    pagination_class = RegistryCursorPagination
    filter_backends = [DjangoFilterBackend, OrderingFilter]
    permission_classes = [AllowAny]
    lookup_field = "slug"
    ordering = ["slug"]
    ordering_fields = ["slug", "updated_at", "created_at"]
    jsonld_actions = ("retrieve",)

    def public_queryset(self) -> QuerySet:
        raise NotImplementedError

    def list_data_version(self) -> str | None:
        """A fingerprint of what the list shows (portal/core/data_version.py): when
        given, anonymous list pages are cached by it (portal/core/api/page_cache.py)."""
        return None

    # Set to have list pages read as plain rows (portal/core/api/list_rows.py).
    list_rows: ListRows | None = None

    def list(self, request, *args, **kwargs):
        version = self.list_data_version() if is_cacheable(request) else None
        if version is None:
            return self.computed_list(request, *args, **kwargs)
        return cached_page_response(
            self,
            request,
            version=version,
            compute=lambda: self.computed_list(request, *args, **kwargs),
        )

    def computed_list(self, request, *args, **kwargs):
        # A format suffix (`/projects.json`) shows in each row's URL: the serializer's.
        if self.list_rows is None or self.format_kwarg:
            return super().list(request, *args, **kwargs)
        expand = self.requested_expansions()
        queryset = self.filter_queryset(self.public_queryset())
        rows = self.list_rows.page_queryset(queryset, expand)
        page = self.paginator.paginate_queryset(rows, request, view=self)
        data = self.list_rows.represent(
            list(rows) if page is None else page, expand=expand, request=request
        )
        if page is None:
            return Response(data)
        return self.get_paginated_response(data)

    def initial(self, request, *args, **kwargs):
        # PostgreSQL text cannot hold NUL: refuse it before it reaches a query.
        values = [request.path, *request.query_params.keys()]
        values += [v for _key, vs in request.query_params.lists() for v in vs]
        if any("\x00" in value for value in values):
            raise exceptions.ValidationError(
                exceptions.ErrorDetail(
                    _("Caractère nul interdit dans l’adresse."),
                    code="invalid_character",
                )
            )
        super().initial(request, *args, **kwargs)

    def get_queryset(self):
        return self.expand_queryset(self.public_queryset())

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        return None if page is None else self.expand_objects(page)

    def get_object(self):
        obj = super().get_object()
        self.expand_objects([obj])
        return obj

    def get_renderers(self):
        renderers = [JSONRenderer()]
        if hasattr(self, "jsonld") and self.action in self.jsonld_actions:
            renderers.append(JsonLdRenderer())
        return renderers

    def last_modified(self, obj):
        return getattr(obj, "updated_at", None)

    def detail_response(self, obj) -> Response:
        if self.request.accepted_renderer.format == "jsonld":
            data = self.jsonld(obj)
        else:
            data = self.get_serializer(obj).data
        return conditional_response(
            self.request, data=data, last_modified=self.last_modified(obj)
        )

    def retrieve(self, request, *args, **kwargs):
        return self.detail_response(self.get_object())

    def get_by(self, **lookup) -> Response:
        """Detail by another identifier (ROR, RNSR, ORCID…), same response.

        A blank identifier names nobody (many records have none): 404, never a match
        on every record without one."""
        if any(value in (None, "") for value in lookup.values()):
            raise Http404
        queryset = self.filter_queryset(self.get_queryset())
        obj = get_object_or_404(queryset, **lookup)
        self.check_object_permissions(self.request, obj)
        self.expand_objects([obj])
        return self.detail_response(obj)
