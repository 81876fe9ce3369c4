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
    # The period is not a filter of the subset: the projects by start year show
    # every year; the other indicators narrow to it with `current_q()`.
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

    `projects` is the filtered public subset of projects already started (start
    date on or before `day`), all start years; `not_started` the same filters'
    projects with a future or no start date, counted apart. `current` selects the
    chosen period. `as_of` reconstructs the registry at a past date (snapshot
    backfill): only projects started and evaluations published by then.
    """

    projects: QuerySet
    not_started: QuerySet | None = None
    key: str = ""
    year_from: int | None = None
    year_to: int | None = None
    as_of: datetime.date | None = None
    query: str = ""
    selection: dict = field(default_factory=dict)

    @property
    def day(self) -> datetime.date:
        """The day the figures describe: today, or the past day reconstructed."""
        return self.as_of or timezone.localdate()

    @property
    def filtered(self) -> bool:
        """Whether any filter narrows the registry (a comparison needs none)."""
        return any(
            self.selection.get(name)
            for name in ("institute", "domain", "technique", "year_from", "year_to")
        )

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


def dashboard_filters(
    *, query: QueryDict | None = None, as_of: datetime.date | None = None
) -> tuple[DashboardFilters, DashboardFilterSet]:
    """Filters read from a GET query; invalid values are ignored here (the page shows
    the form's errors, the API and CSV answer 400 through `dashboard_filter_errors`)."""
    query = query if query is not None else QueryDict()
    # "All domains" submits domain= : an empty choice, not an invalid one.
    cleaned_query = QueryDict(mutable=True)
    for name in ("institute", "domain", "technique", "year_from", "year_to"):
        values = [value for value in query.getlist(name) if value.strip()]
        if values:
            cleaned_query.setlist(name, values)
    query = cleaned_query
    public = Project.objects.public()
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
        chosen = Project.objects.filter(pk__in=ids)
    else:
        chosen = public
    # Only projects already started count; the others are counted apart.
    started = Q(start_date__lte=as_of or timezone.localdate())
    kept = QueryDict(mutable=True)
    for name, ids in selection.items():
        kept.setlist(name, [str(pk) for pk in ids])
    for name, value in (("year_from", year_from), ("year_to", year_to)):
        if value:
            kept[name] = str(value)
    key = kept.urlencode() + (f"&as_of={as_of.isoformat()}" if as_of else "")
    filters = DashboardFilters(
        projects=chosen.filter(started),
        not_started=chosen.exclude(started),
        key=key,
        year_from=year_from,
        year_to=year_to,
        as_of=as_of,
        query=kept.urlencode(),
        selection=selection | {"year_from": year_from, "year_to": year_to},
    )
    return filters, filterset


def dashboard_filter_errors(filterset: DashboardFilterSet) -> list[dict]:
    """The invalid filters of a query, as the API's error list (empty when valid)."""
    if not filterset.is_bound or filterset.is_valid():
        return []
    return [
        {"field": name, "code": "invalid", "message": str(message)}
        for name, messages in filterset.form.errors.items()
        for message in messages
    ]
