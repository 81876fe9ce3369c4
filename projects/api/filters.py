"""The public project list's filters (`projects.filters.ProjectFilter`), reused by
the API with one difference: records are named by slug rather than by id."""

import copy

from drf_spectacular.drainage import set_override
from drf_spectacular.types import OpenApiTypes

from projects.filters import ProjectFilter

SLUG_NAMED_FILTERS = ("institute", "team", "domain", "technique", "dataset")


class ProjectApiFilter(ProjectFilter):
    """Same dimensions and methods as the list page: `?domain=oncologie&stage=research`."""


for _name in SLUG_NAMED_FILTERS:
    _filter = copy.deepcopy(ProjectFilter.base_filters[_name])
    _filter.extra["to_field_name"] = "slug"
    set_override(_filter, "field", OpenApiTypes.STR)  # documented as slugs
    ProjectApiFilter.base_filters[_name] = _filter
