"""Filters of the registry's API lists (projects use `projects.filters.ProjectFilter`)."""

import django_filters

from registry.models import Dataset, Organisation, Person, Team


class OrganisationFilter(django_filters.FilterSet):
    kind = django_filters.MultipleChoiceFilter(choices=Organisation.Kind.choices)
    parent = django_filters.CharFilter(field_name="parent__slug")

    class Meta:
        model = Organisation
        fields = ["kind", "parent", "city"]


class TeamFilter(django_filters.FilterSet):
    kind = django_filters.MultipleChoiceFilter(choices=Team.Kind.choices)
    parent = django_filters.CharFilter(
        field_name="parents__slug", distinct=True, label="organisation slug"
    )
    expertise = django_filters.CharFilter(
        field_name="expertise__name", lookup_expr="iexact", distinct=True
    )

    class Meta:
        model = Team
        fields = ["kind", "parent", "city", "expertise"]


class PersonFilter(django_filters.FilterSet):
    team = django_filters.CharFilter(
        field_name="memberships__team__slug", distinct=True, label="team slug"
    )
    expertise = django_filters.CharFilter(
        field_name="expertise__name", lookup_expr="iexact", distinct=True
    )

    class Meta:
        model = Person
        fields = ["team", "expertise"]


class DatasetFilter(django_filters.FilterSet):
    kind = django_filters.MultipleChoiceFilter(choices=Dataset.Kind.choices)
    access_route = django_filters.MultipleChoiceFilter(
        choices=Dataset.AccessRoute.choices
    )
    producer = django_filters.CharFilter(field_name="producer__slug")

    class Meta:
        model = Dataset
        fields = ["kind", "access_route", "producer"]
