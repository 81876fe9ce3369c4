"""Search box and one filter for each public list of the registry.

They only ever narrow the public selector's queryset (`registry/selectors.py`); an
unknown choice is ignored by the form, never an error page.
"""

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from registry.models import Evaluation, Organisation

MAX_QUERY_LENGTH = 200


def words_q(value: str, fields: tuple[str, ...]) -> Q:
    """Every word of `value` in one of `fields`: "Aïcha Bernard" finds the person
    whichever name holds which word."""
    condition = Q()
    for word in value.split()[:10]:
        any_field = Q()
        for field in fields:
            any_field |= Q(**{f"{field}__icontains": word})
        condition &= any_field
    return condition


def institute_q(path: str, institute: Organisation) -> Q:
    """Rows tied at `path` to the institute or to one of its sub-organisations."""
    return Q(**{path: institute}) | Q(**{f"{path}__parent": institute})


SEARCH_BOX = forms.TextInput(attrs={"class": "fr-input", "type": "search"})
SELECT = forms.Select(attrs={"class": "fr-select"})


class InstituteChoiceFilter(django_filters.ModelChoiceFilter):
    """Institutes are known by their acronyms (Inserm, Inria, CNRS, CEA)."""

    @property
    def field(self):
        field = super().field
        field.label_from_instance = lambda organisation: organisation.short_name
        return field


class TextSearchFilter(django_filters.CharFilter):
    """The search box: every word must appear in one of the given fields."""

    def __init__(self, *, fields: tuple[str, ...], **kwargs):
        self.search_fields = fields
        kwargs.setdefault("max_length", MAX_QUERY_LENGTH)
        kwargs.setdefault("widget", SEARCH_BOX)
        super().__init__(**kwargs)

    def filter(self, queryset: QuerySet, value: str) -> QuerySet:
        if not value or not value.strip():
            return queryset
        return queryset.filter(words_q(value, self.search_fields))


def institute_filter(path: str, also: Q | None = None) -> InstituteChoiceFilter:
    """The rows of one institute; `also` narrows the same join (current teams)."""

    def narrow(queryset, _name, institute):
        if not institute:
            return queryset
        condition = institute_q(path, institute)
        if also is not None:
            condition &= also
        return queryset.filter(condition).distinct()

    return InstituteChoiceFilter(
        label=_("Institut"),
        empty_label=_("Tous les instituts"),
        queryset=Organisation.objects.institutes().order_by("acronym", "name"),
        method=narrow,
        widget=SELECT,
    )


class OrganisationFilter(django_filters.FilterSet):
    q = TextSearchFilter(
        label=_("Nom, sigle ou ville"), fields=("name", "acronym", "city")
    )
    kind = django_filters.ChoiceFilter(
        label=_("Type d’organisation"),
        choices=Organisation.Kind.choices,
        empty_label=_("Tous les types"),
        widget=SELECT,
    )


class TeamFilter(django_filters.FilterSet):
    q = TextSearchFilter(
        label=_("Nom, sigle, ville ou RNSR"),
        fields=("name", "acronym", "city", "rnsr"),
    )
    institute = institute_filter("parents")


class PersonFilter(django_filters.FilterSet):
    q = TextSearchFilter(
        label=_("Nom, prénom ou fonction"),
        fields=("first_name", "last_name", "title"),
    )
    institute = institute_filter(
        "memberships__team__parents", also=Q(memberships__end_date__isnull=True)
    )


class EvaluationFilter(django_filters.FilterSet):
    q = TextSearchFilter(
        label=_("Référence, projet ou version"),
        fields=("reference", "project__title", "project__acronym", "model_version"),
    )
    verdict = django_filters.ChoiceFilter(
        label=_("Avis"),
        choices=Evaluation.Verdict.choices,
        empty_label=_("Tous les avis"),
        widget=SELECT,
    )
