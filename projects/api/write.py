"""The payload a researcher or an editor sends to create or edit a project draft.

Validation only: it never saves. Records are named by slug, or by their public
identifier with a scheme (`ror:02vjkv261`, `https://ror.org/02vjkv261`,
`orcid:0000-0002-1825-0097`, `rnsr:200918472W`), whose format and checksum are
checked with the registry's own validators."""

from collections.abc import Callable

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from projects.models import Domain, Project, ProjectMember, Technique
from projects.models.project import project_dates_check
from registry.models import Organisation, Person, Team
from registry.validators import validate_orcid, validate_rnsr, validate_ror

Scheme = tuple[str, Callable[[str], None], Callable[[str], str]]

ROR_SCHEMES: dict[str, Scheme] = {
    "https://ror.org/": ("ror_id", validate_ror, str.lower),
    "ror:": ("ror_id", validate_ror, str.lower),
}
ORCID_SCHEMES: dict[str, Scheme] = {
    "https://orcid.org/": ("orcid", validate_orcid, str.upper),
    "orcid:": ("orcid", validate_orcid, str.upper),
}
RNSR_SCHEMES: dict[str, Scheme] = {"rnsr:": ("rnsr", validate_rnsr, str.upper)}

MAX_KEYWORDS = 30
MAX_MEMBERS = 50
MAX_TERMS = 30


@extend_schema_field(OpenApiTypes.STR)
class IdentifierRelatedField(serializers.RelatedField):
    """A related record named by its slug or by a public identifier."""

    default_error_messages = {
        "does_not_exist": _("Aucun enregistrement ne correspond à « {value} »."),
        "incorrect_type": _("Une chaîne de caractères est attendue."),
    }

    def __init__(self, *, schemes: dict[str, Scheme], **kwargs):
        self.schemes = schemes
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        if not isinstance(data, str) or not data.strip():
            self.fail("incorrect_type")
        data = data.strip()
        lookup = {"slug": data}
        for prefix, (field, validate, normalise) in self.schemes.items():
            if data.lower().startswith(prefix):
                value = normalise(data[len(prefix) :])
                try:
                    validate(value)
                except DjangoValidationError as error:
                    raise serializers.ValidationError(
                        error.messages, code=error.code
                    ) from error
                lookup = {field: value}
                break
        found = self.get_queryset().filter(**lookup).first()
        if found is None:
            self.fail("does_not_exist", value=data)
        return found

    def to_representation(self, value) -> str:
        return value.slug


class MemberWriteSerializer(serializers.Serializer):
    person = IdentifierRelatedField(
        queryset=Person.objects.all(),
        schemes=ORCID_SCHEMES,
        help_text="Person slug, or ORCID as `orcid:0000-0002-1825-0097`.",
    )
    role = serializers.ChoiceField(choices=ProjectMember.Role.choices)


class ProjectWriteSerializer(serializers.Serializer):
    """Fields of a project draft; on PATCH every field is optional."""

    title = serializers.CharField(max_length=255)
    title_en = serializers.CharField(max_length=255, required=False, allow_blank=True)
    acronym = serializers.CharField(max_length=40, required=False, allow_blank=True)
    summary = serializers.CharField(max_length=5000)
    summary_en = serializers.CharField(
        max_length=5000, required=False, allow_blank=True
    )
    description = serializers.CharField(
        max_length=20000,
        required=False,
        allow_blank=True,
        help_text="Plain text; blank lines separate paragraphs.",
    )
    status = serializers.ChoiceField(choices=Project.Status.choices, required=False)
    trl = serializers.IntegerField(min_value=1, max_value=9, required=False)
    start_date = serializers.DateField(required=False, allow_null=True)
    end_date = serializers.DateField(required=False, allow_null=True)
    domains = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Domain.objects.all(),
        many=True,
        required=False,
    )
    techniques = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Technique.objects.all(),
        many=True,
        required=False,
    )
    keywords = serializers.ListField(
        child=serializers.CharField(max_length=100),
        required=False,
        max_length=MAX_KEYWORDS,
    )
    lead_organisation = IdentifierRelatedField(
        queryset=Organisation.objects.all(),
        schemes=ROR_SCHEMES,
        help_text="Organisation slug, or ROR id as `ror:02vjkv261`.",
    )
    lead_team = IdentifierRelatedField(
        queryset=Team.objects.all(),
        schemes=RNSR_SCHEMES,
        required=False,
        allow_null=True,
        help_text="Team slug, or RNSR code as `rnsr:200918472W`.",
    )
    code_repository = serializers.URLField(required=False, allow_blank=True)
    ce_class = serializers.ChoiceField(
        choices=Project.CeClass.choices, required=False, allow_blank=True
    )
    ai_act_risk = serializers.ChoiceField(
        choices=Project.AiActRisk.choices, required=False, allow_blank=True
    )
    members = MemberWriteSerializer(many=True, required=False, max_length=MAX_MEMBERS)
    revision = serializers.IntegerField(
        required=False,
        write_only=True,
        help_text="The `revision` the client read; a save made since by someone "
        "else is refused (409, code `edit_conflict`) instead of overwritten.",
    )

    def _at_most(self, values: list, limit: int) -> list:
        if len(values) > limit:
            raise serializers.ValidationError(
                _("%(limit)d éléments au plus.") % {"limit": limit}, code="max_length"
            )
        return values

    def validate_domains(self, value):
        return self._at_most(value, MAX_TERMS)

    def validate_techniques(self, value):
        return self._at_most(value, MAX_TERMS)

    def validate(self, attrs):
        instance = self.instance

        def current(name):
            if name in attrs:
                return attrs[name]
            return getattr(instance, name, None) if instance else None

        try:
            project_dates_check(current("start_date"), current("end_date"))
        except DjangoValidationError as error:
            raise serializers.ValidationError(
                {
                    field: [
                        serializers.ErrorDetail(message, code=item.code)
                        for item in items
                        for message in item.messages
                    ]
                    for field, items in error.error_dict.items()
                }
            ) from error
        return attrs
