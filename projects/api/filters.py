"""The public project list's filters (`projects.filters.ProjectFilter`), reused by
the API with one difference: records are named by slug rather than by id."""

import copy

from django.db.models import QuerySet
from drf_spectacular.drainage import set_override
from drf_spectacular.types import OpenApiTypes

from projects.filters import ProjectFilter

SLUG_NAMED_FILTERS = ("institute", "team", "domain", "technique", "dataset")


class ProjectApiFilter(ProjectFilter):
    """Same dimensions and methods as the list page: `?domain=oncologie&stage=research`."""

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        for name, value in self.form.cleaned_data.items():
            # A choice left empty is `.none()` of its choices, which each filter's
            # `if not value` compiles to SQL: a few milliseconds every list page.
            if isinstance(value, QuerySet) and value.query.is_empty():
                continue
            queryset = self.filters[name].filter(queryset, value)
        return queryset


for _name in SLUG_NAMED_FILTERS:
    _filter = copy.deepcopy(ProjectFilter.base_filters[_name])
    _filter.extra["to_field_name"] = "slug"
    if _filter.method is None:
        # Filtered by its field rather than a method: django-filter compares the
        # field to the chosen value's `to_field_name`, so the lookup must end there.
        _filter.field_name = f"{_filter.field_name}__slug"
    set_override(_filter, "field", OpenApiTypes.STR)  # documented as slugs
    ProjectApiFilter.base_filters[_name] = _filter
