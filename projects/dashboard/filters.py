"""The dashboard's filters: institute, domain and technique narrow the project subset
(through `ProjectFilter`), the period picks the start years compared."""

import datetime
from dataclasses import dataclass, field

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from projects.filters import ProjectFilter
from projects.models import Project

FIRST_YEAR, LAST_YEAR = 1990, 2100


def _no_op(queryset: QuerySet, name: str, value) -> QuerySet:
    # The period is not a filter of the subset: indicators compare it with the
    # previous period in one aggregation, so they need the projects of both.
    return queryset


class DashboardFilterSet(ProjectFilter):
    """`ProjectFilter` restricted to what the dashboard offers, plus a period."""

    team = dataset = status = stage = verdict = start_year = None
    year_from = django_filters.NumberFilter(
        label=_("Début à partir de"),
        method=_no_op,
        min_value=FIRST_YEAR,
        max_value=LAST_YEAR,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    year_to = django_filters.NumberFilter(
        label=_("Début jusqu’à"),
        method=_no_op,
        min_value=FIRST_YEAR,
        max_value=LAST_YEAR,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )

    class Meta(ProjectFilter.Meta):
        fields: list[str] = []


@dataclass(frozen=True)
class DashboardFilters:
    """What every indicator function receives: the subset and the period to compare.

    `projects` is the filtered public subset (all start years); `current` and
    `previous` select the period and the one before it. `as_of` reconstructs the
    registry at a past date (snapshot backfill): only projects started and
    evaluations published by then.
    """

    projects: QuerySet
    key: str = ""
    year_from: int | None = None
    year_to: int | None = None
    as_of: datetime.date | None = None
    query: str = ""
    selection: dict = field(default_factory=dict)

    @property
    def last_year(self) -> int:
        if self.year_to:
            return self.year_to
        return (self.as_of or timezone.localdate()).year

    @property
    def period_length(self) -> int:
        return self.last_year - self.year_from + 1 if self.year_from else 0

    def current_q(self, prefix: str = "") -> Q:
        """Projects of the chosen period (all of them when no period is chosen)."""
        year = f"{prefix}start_date__year"
        condition = Q()
        if self.year_from:
            condition &= Q(**{f"{year}__gte": self.year_from})
        if self.year_to:
            condition &= Q(**{f"{year}__lte": self.year_to})
        return condition

    def previous_q(self, prefix: str = "") -> Q:
        """The period before: the same number of years just before, or, with no
        start year chosen, the projects started by the end of the year before."""
        year = f"{prefix}start_date__year"
        if self.year_from:
            return Q(
                **{
                    f"{year}__gte": self.year_from - self.period_length,
                    f"{year}__lte": self.year_from - 1,
                }
            )
        return Q(**{f"{year}__lte": self.last_year - 1})

    @property
    def previous_label(self) -> str:
        if self.year_from:
            first = self.year_from - self.period_length
            last = self.year_from - 1
            return str(first) if first == last else f"{first}–{last}"
        return _("fin %(year)s") % {"year": self.last_year - 1}


def dashboard_filters(
    *, query: QueryDict | None = None, as_of: datetime.date | None = None
) -> tuple[DashboardFilters, DashboardFilterSet]:
    """Filters read from a GET query; invalid values are ignored, not fatal."""
    query = query if query is not None else QueryDict()
    # "All domains" submits domain= : an empty choice, not an invalid one.
    cleaned_query = QueryDict(mutable=True)
    for name in ("institute", "domain", "technique", "year_from", "year_to"):
        values = [value for value in query.getlist(name) if value.strip()]
        if values:
            cleaned_query.setlist(name, values)
    query = cleaned_query
    public = Project.objects.public()
    if as_of:
        public = public.filter(start_date__lte=as_of)
    filterset = DashboardFilterSet(query or None, queryset=public)
    cleaned = filterset.form.cleaned_data if filterset.is_valid() else {}
    selection = {
        name: sorted(item.pk for item in cleaned.get(name) or [])
        for name in ("institute", "domain", "technique")
    }
    year_from, year_to = cleaned.get("year_from"), cleaned.get("year_to")
    year_from = int(year_from) if year_from else None
    year_to = int(year_to) if year_to else None
    if year_from and year_to and year_from > year_to:
        year_from, year_to = year_to, year_from
    if any(selection.values()):
        # Fetched once as ids: ProjectFilter's institute filter ORs across
        # multi-valued joins under DISTINCT, which PostgreSQL plans very badly once
        # nested inside the indicators' own subqueries (minutes at 1,000 projects).
        # One query for the ids keeps every indicator fast and the count fixed.
        ids = list(filterset.qs.order_by().values_list("pk", flat=True))
        projects = Project.objects.filter(pk__in=ids)
    else:
        projects = public
    kept = QueryDict(mutable=True)
    for name, ids in selection.items():
        kept.setlist(name, [str(pk) for pk in ids])
    for name, value in (("year_from", year_from), ("year_to", year_to)):
        if value:
            kept[name] = str(value)
    key = kept.urlencode() + (f"&as_of={as_of.isoformat()}" if as_of else "")
    filters = DashboardFilters(
        projects=projects,
        key=key,
        year_from=year_from,
        year_to=year_to,
        as_of=as_of,
        query=kept.urlencode(),
        selection=selection | {"year_from": year_from, "year_to": year_to},
    )
    return filters, filterset
