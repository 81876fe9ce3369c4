"""Read endpoints of the registry: organisations, teams, people, datasets (the
evaluations' endpoint lives with evaluations, in projects/evaluations/api/).
Querysets come from the visibility selectors; identifiers (ROR, RNSR, ORCID)
resolve to the same detail response."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.decorators import action

from portal.core.api.core import (
    ErrorResponseSerializer,
    PublicReadViewSet,
    expand_parameter,
)
from registry import selectors
from registry.api import filters, serializers
from registry.api.jsonld import (
    dataset_jsonld_data,
    organisation_jsonld_data,
    person_jsonld_data,
)
from registry.models import Dataset, Organisation, Person, Team
from registry.validators import normalise_ror

ERRORS = {400: ErrorResponseSerializer, 404: ErrorResponseSerializer}


def documented(serializer_class):
    """List/retrieve docs with the `expand` parameter and the error shape."""
    expansions = getattr(serializer_class, "expansions", {})
    parameters = [expand_parameter(expansions)] if expansions else []
    return extend_schema_view(
        list=extend_schema(parameters=parameters, responses={200: serializer_class}),
        retrieve=extend_schema(
            parameters=parameters, responses={200: serializer_class, **ERRORS}
        ),
    )


def identifier_schema(serializer_class, description: str):
    return extend_schema(
        parameters=[expand_parameter(serializer_class.expansions)],
        responses={200: serializer_class, **ERRORS},
        description=description,
    )


@documented(serializers.OrganisationSerializer)
class OrganisationViewSet(PublicReadViewSet):
    """Organisations: institutes, universities, hospitals, agencies, funders."""

    serializer_class = serializers.OrganisationSerializer
    filterset_class = filters.OrganisationFilter
    ordering_fields = ["slug", "name", "updated_at", "created_at"]
    jsonld_actions = ("retrieve", "by_ror")
    queryset = Organisation.objects.none()  # for the schema; see public_queryset

    def public_queryset(self):
        return Organisation.objects.select_related("parent").order_by("slug")

    def jsonld(self, organisation: Organisation) -> dict:
        return organisation_jsonld_data(organisation=organisation, request=self.request)

    @identifier_schema(serializers.OrganisationSerializer, "Organisation by ROR id.")
    @action(detail=False, url_path=r"ror/(?P<ror>[^/]+)")
    def by_ror(self, request, ror: str):
        return self.get_by(ror_id=normalise_ror(ror))


@documented(serializers.TeamSerializer)
class TeamViewSet(PublicReadViewSet):
    """Research units, laboratories and Inria project-teams."""

    serializer_class = serializers.TeamSerializer
    filterset_class = filters.TeamFilter
    ordering_fields = ["slug", "name", "updated_at", "created_at"]
    queryset = Team.objects.none()

    def public_queryset(self):
        return Team.objects.prefetch_related("parents", "expertise").select_related(
            "lead"
        )

    @identifier_schema(serializers.TeamSerializer, "Team by RNSR code.")
    @action(detail=False, url_path=r"rnsr/(?P<rnsr>[^/]+)")
    def by_rnsr(self, request, rnsr: str):
        return self.get_by(rnsr=rnsr.strip().upper())


@documented(serializers.PersonSerializer)
class PersonViewSet(PublicReadViewSet):
    """People: public fields only (never the e-mail address or the user account)."""

    serializer_class = serializers.PersonSerializer
    filterset_class = filters.PersonFilter
    ordering_fields = ["slug", "last_name", "updated_at", "created_at"]
    jsonld_actions = ("retrieve", "by_orcid")
    queryset = Person.objects.none()

    def public_queryset(self):
        return Person.objects.prefetch_related("expertise")

    def jsonld(self, person: Person) -> dict:
        return person_jsonld_data(person=person, request=self.request)

    @identifier_schema(serializers.PersonSerializer, "Person by ORCID.")
    @action(detail=False, url_path=r"orcid/(?P<orcid>[^/]+)")
    def by_orcid(self, request, orcid: str):
        return self.get_by(
            orcid=orcid.strip().upper().removeprefix("HTTPS://ORCID.ORG/")
        )


@documented(serializers.DatasetSerializer)
class DatasetViewSet(PublicReadViewSet):
    """Descriptions of health data sources (never the data themselves)."""

    serializer_class = serializers.DatasetSerializer
    filterset_class = filters.DatasetFilter
    ordering_fields = ["slug", "name", "updated_at", "created_at"]
    queryset = Dataset.objects.none()

    def public_queryset(self):
        return selectors.dataset_public_detail()

    def jsonld(self, dataset: Dataset) -> dict:
        return dataset_jsonld_data(dataset=dataset, request=self.request)
