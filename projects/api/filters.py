"""The public project list's filters (`projects.filters.ProjectFilter`), reused by
the API with one difference: records are named by slug rather than by id."""

import copy

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from drf_spectacular.drainage import set_override
from drf_spectacular.types import OpenApiTypes

from projects.filters import ProjectFilter

SLUG_NAMED_FILTERS = ("institute", "team", "domain", "technique", "dataset")


class ProjectApiFilter(ProjectFilter):
    """Same dimensions and methods as the list page: `?domain=oncologie&stage=research`."""


class YearFilter(django_filters.NumberFilter):
    """A whole year within the calendar (the page's decimal field let 0.0 through
    to the year lookup, which then failed)."""

    field_class = forms.IntegerField


ProjectApiFilter.base_filters["start_year"] = YearFilter(
    label=_("Année de début"),
    field_name="start_date",
    lookup_expr="year",
    min_value=1,
    max_value=9999,
)

for _name in SLUG_NAMED_FILTERS:
    _filter = copy.deepcopy(ProjectFilter.base_filters[_name])
    _filter.extra["to_field_name"] = "slug"
    set_override(_filter, "field", OpenApiTypes.STR)  # documented as slugs
    ProjectApiFilter.base_filters[_name] = _filter
