"""Public representations of registry records.

Only public fields appear: a person's e-mail address and user account never do.
Related records are slugs unless `?expand=` asks for them (see `Expansion`).
"""

from django.db.models import Prefetch
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from portal.core.api.core import ExpandableSerializerMixin, Expansion
from registry.models import (
    Dataset,
    Membership,
    Organisation,
    Person,
    Team,
)


@extend_schema_field(OpenApiTypes.URI)
class WebUrlField(serializers.Field):
    """The absolute URL of the record's public page."""

    def __init__(self, **kwargs):
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value) -> str:
        request = self.context.get("request")
        url = value.get_absolute_url()
        return request.build_absolute_uri(url) if request else url


def tag_names(obj, attribute: str) -> list[str]:
    return sorted(tag.name for tag in getattr(obj, attribute).all())


# --- Summaries: what an expansion embeds -----------------------------------


class OrganisationSummarySerializer(serializers.ModelSerializer):
    class Meta:
        model = Organisation
        fields = ["slug", "name", "acronym", "kind", "ror_id"]


class TeamSummarySerializer(serializers.ModelSerializer):
    class Meta:
        model = Team
        fields = ["slug", "name", "acronym", "kind", "rnsr"]


class PersonSummarySerializer(serializers.ModelSerializer):
    class Meta:
        model = Person
        fields = ["slug", "first_name", "last_name", "orcid"]


class DatasetSummarySerializer(serializers.ModelSerializer):
    class Meta:
        model = Dataset
        fields = ["slug", "name", "acronym", "kind", "access_route"]


class MembershipSerializer(serializers.ModelSerializer):
    team = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = Membership
        fields = ["team", "role", "start_date", "end_date"]


class TeamMemberSerializer(serializers.ModelSerializer):
    person = PersonSummarySerializer(read_only=True)

    class Meta:
        model = Membership
        fields = ["person", "role", "start_date", "end_date"]


# --- Resources ----------------------------------------------------------------


class OrganisationSerializer(ExpandableSerializerMixin, serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="api:organisation-detail", lookup_field="slug"
    )
    web_url = WebUrlField()
    parent = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    expansions = {
        "parent": Expansion(
            field=lambda: OrganisationSummarySerializer(read_only=True),
            select=("parent",),
        ),
        "children": Expansion(
            field=lambda: OrganisationSummarySerializer(many=True, read_only=True),
            prefetch=("children",),
        ),
    }

    class Meta:
        model = Organisation
        fields = [
            "url",
            "web_url",
            "slug",
            "name",
            "acronym",
            "kind",
            "ror_id",
            "ror_url",
            "website",
            "city",
            "parent",
            "is_fictional",
            "created_at",
            "updated_at",
        ]


class TeamSerializer(ExpandableSerializerMixin, serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="api:team-detail", lookup_field="slug"
    )
    web_url = WebUrlField()
    parents = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    lead = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    expertise = serializers.SerializerMethodField()

    expansions = {
        "parents": Expansion(
            field=lambda: OrganisationSummarySerializer(many=True, read_only=True)
        ),
        "lead": Expansion(
            field=lambda: PersonSummarySerializer(read_only=True), select=("lead",)
        ),
        "members": Expansion(
            field=lambda: TeamMemberSerializer(
                source="memberships", many=True, read_only=True
            ),
            prefetch=(
                Prefetch(
                    "memberships",
                    queryset=Membership.objects.select_related("person").order_by(
                        "person__last_name", "pk"
                    ),
                ),
            ),
        ),
    }

    class Meta:
        model = Team
        fields = [
            "url",
            "web_url",
            "slug",
            "name",
            "acronym",
            "kind",
            "rnsr",
            "parents",
            "city",
            "description",
            "expertise",
            "website",
            "lead",
            "is_fictional",
            "created_at",
            "updated_at",
        ]

    def get_expertise(self, team) -> list[str]:
        return tag_names(team, "expertise")


class PersonSerializer(ExpandableSerializerMixin, serializers.ModelSerializer):
    """A person's public fields. `email` and `user` are deliberately absent."""

    url = serializers.HyperlinkedIdentityField(
        view_name="api:person-detail", lookup_field="slug"
    )
    web_url = WebUrlField()
    expertise = serializers.SerializerMethodField()

    expansions = {
        "memberships": Expansion(
            field=lambda: MembershipSerializer(many=True, read_only=True),
            prefetch=(
                Prefetch(
                    "memberships",
                    queryset=Membership.objects.select_related("team"),
                ),
            ),
        ),
    }

    class Meta:
        model = Person
        fields = [
            "url",
            "web_url",
            "slug",
            "first_name",
            "last_name",
            "full_name",
            "orcid",
            "orcid_url",
            "title",
            "expertise",
            "is_fictional",
            "created_at",
            "updated_at",
        ]

    def get_expertise(self, person) -> list[str]:
        return tag_names(person, "expertise")


class DatasetSerializer(ExpandableSerializerMixin, serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="api:dataset-detail", lookup_field="slug"
    )
    web_url = WebUrlField()
    producer = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    standards = serializers.SlugRelatedField(
        slug_field="name", many=True, read_only=True
    )

    expansions = {
        "producer": Expansion(
            field=lambda: OrganisationSummarySerializer(read_only=True),
            select=("producer",),
        ),
    }

    class Meta:
        model = Dataset
        fields = [
            "url",
            "web_url",
            "slug",
            "name",
            "acronym",
            "producer",
            "kind",
            "description",
            "description_en",
            "population",
            "period_start",
            "period_end",
            "access_route",
            "access_procedure",
            "access_url",
            "standards",
            "landing_page",
            "source",
            # What a citizen needs to know and do (issue 18).
            "region",
            "data_controller",
            "information_url",
            "objection_url",
            "objection_procedure",
            "is_fictional",
            "created_at",
            "updated_at",
        ]
