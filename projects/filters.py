"""The filters of the public project list; they only ever narrow a public queryset."""

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from projects.institutes import project_institute_q
from projects.models import Domain, Project, Technique
from projects.models.project import STAGE_TRL_RANGES, Stage
from registry.models import Dataset, Evaluation, Organisation, Team

CHECKBOXES = forms.CheckboxSelectMultiple


class ShortNameChoiceFilter(django_filters.ModelMultipleChoiceFilter):
    """Institutes are known by their acronyms (Inserm, Inria, CNRS, CEA)."""

    @property
    def field(self):
        field = super().field
        field.label_from_instance = lambda organisation: organisation.short_name
        return field


class YearFilter(django_filters.NumberFilter):
    """A whole calendar year: a decimal field would let 0.0 through to the year
    lookup, which then fails."""

    field_class = forms.IntegerField


class ProjectFilter(django_filters.FilterSet):
    institute = ShortNameChoiceFilter(
        label=_("Institut"),
        queryset=Organisation.objects.institutes(),
        method="filter_institute",
        widget=CHECKBOXES,
    )
    team = django_filters.ModelMultipleChoiceFilter(
        label=_("Équipe"),
        queryset=Team.objects.all(),
        method="filter_team",
        widget=CHECKBOXES,
    )
    domain = django_filters.ModelMultipleChoiceFilter(
        label=_("Domaine médical"),
        queryset=Domain.objects.in_tree_order(),
        method="filter_domain",
        widget=CHECKBOXES,
    )
    technique = django_filters.ModelMultipleChoiceFilter(
        label=_("Technique d’IA"),
        queryset=Technique.objects.in_tree_order(),
        method="filter_technique",
        widget=CHECKBOXES,
    )
    dataset = django_filters.ModelMultipleChoiceFilter(
        label=_("Jeu de données"),
        queryset=Dataset.objects.all(),
        field_name="dataset_uses__dataset",
        distinct=True,
        widget=CHECKBOXES,
    )
    status = django_filters.MultipleChoiceFilter(
        label=_("Statut"), choices=Project.Status.choices, widget=CHECKBOXES
    )
    stage = django_filters.MultipleChoiceFilter(
        label=_("Stade"),
        choices=Stage.choices,
        method="filter_stage",
        widget=CHECKBOXES,
    )
    verdict = django_filters.MultipleChoiceFilter(
        label=_("Avis d’évaluation"),
        choices=Evaluation.Verdict.choices,
        method="filter_verdict",
        widget=CHECKBOXES,
    )
    start_year = YearFilter(
        label=_("Année de début"),
        field_name="start_date",
        lookup_expr="year",
        min_value=1,
        max_value=9999,
    )

    class Meta:
        model = Project
        fields: list[str] = []

    def filter_institute(self, queryset: QuerySet, name: str, value) -> QuerySet:
        if not value:
            return queryset
        ids = [organisation.pk for organisation in value]
        return queryset.filter(project_institute_q(ids)).distinct()

    def filter_team(self, queryset: QuerySet, name: str, value) -> QuerySet:
        if not value:
            return queryset
        return queryset.filter(
            Q(lead_team__in=value) | Q(partners__team__in=value)
        ).distinct()

    def filter_domain(self, queryset: QuerySet, name: str, value) -> QuerySet:
        if not value:
            return queryset
        ids = Domain.with_descendant_ids(term.pk for term in value)
        return queryset.filter(domains__in=ids).distinct()

    def filter_technique(self, queryset: QuerySet, name: str, value) -> QuerySet:
        if not value:
            return queryset
        ids = Technique.with_descendant_ids(term.pk for term in value)
        return queryset.filter(techniques__in=ids).distinct()

    def filter_stage(self, queryset: QuerySet, name: str, value) -> QuerySet:
        if not value:
            return queryset
        condition = Q()
        for stage in value:
            low, high = STAGE_TRL_RANGES[Stage(stage)]
            condition |= Q(trl__gte=low, trl__lte=high)
        return queryset.filter(condition)

    def filter_verdict(self, queryset: QuerySet, name: str, value) -> QuerySet:
        if not value:
            return queryset
        public_evaluations = Evaluation.objects.public().filter(verdict__in=value)
        return queryset.filter(pk__in=public_evaluations.values("project_id"))


def active_filter_tags(*, filterset: ProjectFilter, query: QueryDict) -> list[dict]:
    """One removable tag per selected value, each with the URL query that drops it."""
    tags = []
    form = filterset.form
    if not form.is_valid():
        return tags
    for name, field in form.fields.items():
        selected = query.getlist(name)
        choices = {str(value): label for value, label in getattr(field, "choices", [])}
        for value in selected:
            if not value:
                continue
            remaining = query.copy()
            remaining.setlist(name, [other for other in selected if other != value])
            remaining.pop("page", None)
            tags.append(
                {
                    "label": f"{field.label} : {choices.get(value, value)}",
                    "query": remaining.urlencode(),
                }
            )
    return tags
