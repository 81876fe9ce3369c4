"""The legal basis of a project's use of a data source (issue 18).

A citizen asks: is my data used, by whom, on what basis, and how do I say no? Each
project–dataset link therefore records the legal framework of the use, the CNIL
authorisation behind it when there is one, the data controller, and whether the
data leave the source's secure environment. `legal_basis_check` is the one home of
the rules: the model's clean(), the researchers' form, the API and the import call it.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class LegalFramework(models.TextChoices):
    """The legal framework under which a project processes a source's data."""

    UNSTATED = "", _("non renseigné")
    MR001 = "mr-001", _("méthodologie de référence MR-001")
    MR002 = "mr-002", _("méthodologie de référence MR-002")
    MR003 = "mr-003", _("méthodologie de référence MR-003")
    MR004 = "mr-004", _("méthodologie de référence MR-004")
    MR005 = "mr-005", _("méthodologie de référence MR-005")
    MR006 = "mr-006", _("méthodologie de référence MR-006")
    MR007 = "mr-007", _("méthodologie de référence MR-007")
    MR008 = "mr-008", _("méthodologie de référence MR-008")
    CNIL_AUTHORISATION = (
        "cnil-authorisation",
        _("autorisation de la CNIL après avis du CESREES"),
    )
    CONSENT = "consent", _("consentement des personnes")
    OTHER = "other", _("autre cadre")


REFERENCE_METHODOLOGIES = frozenset(
    choice.value for choice in LegalFramework if choice.value.startswith("mr-")
)

# The fields a legal basis is made of, in the order forms, exports and the import
# list them: drafts, the API and the import copy exactly these.
LEGAL_BASIS_FIELDS = (
    "legal_framework",
    "authorisation_reference",
    "authorisation_date",
    "data_controller",
    "data_leave_source",
)


def legal_basis_values(row: dict) -> dict:
    """The legal-basis fields of a written row (form, API), the model's empty
    values for those absent: rows are rebuilt whole, as their purpose is."""
    return {
        "legal_framework": row.get("legal_framework") or "",
        "authorisation_reference": row.get("authorisation_reference") or "",
        "authorisation_date": row.get("authorisation_date"),
        "data_controller": row.get("data_controller") or "",
        "data_leave_source": row.get("data_leave_source"),
    }


def legal_basis_group(framework: str) -> str:
    """The family a framework belongs to, for the dashboard and plain-language pages:
    `reference_methodology`, `cnil_authorisation`, `consent`, `other` or `unstated`."""
    if framework in REFERENCE_METHODOLOGIES:
        return "reference_methodology"
    if framework == LegalFramework.CNIL_AUTHORISATION:
        return "cnil_authorisation"
    return {LegalFramework.CONSENT: "consent", LegalFramework.OTHER: "other"}.get(
        framework, "unstated"
    )


def legal_basis_check(
    *,
    framework: str,
    reference: str,
    date: datetime.date | None,
) -> None:
    """The rules of a legal basis, raised as a ValidationError keyed by field.

    A reference methodology is a compliance commitment, not an authorisation: it has
    no authorisation number or date. A CNIL authorisation always has its number.
    """
    errors = {}
    if framework in REFERENCE_METHODOLOGIES:
        if reference:
            errors["authorisation_reference"] = ValidationError(
                _(
                    "Une méthodologie de référence ne demande pas d’autorisation : "
                    "laissez le numéro d’autorisation vide."
                ),
                code="methodology_without_authorisation",
            )
        if date:
            errors["authorisation_date"] = ValidationError(
                _(
                    "Une méthodologie de référence ne demande pas d’autorisation : "
                    "laissez la date d’autorisation vide."
                ),
                code="methodology_without_authorisation",
            )
    elif framework == LegalFramework.CNIL_AUTHORISATION and not reference:
        errors["authorisation_reference"] = ValidationError(
            _("Indiquez le numéro de l’autorisation de la CNIL."),
            code="authorisation_reference_required",
        )
    elif not framework and (reference or date):
        errors["legal_framework"] = ValidationError(
            _("Choisissez le cadre juridique de cette autorisation."),
            code="framework_required",
        )
    if date and date > datetime.date.today():
        errors["authorisation_date"] = ValidationError(
            _("La date d’autorisation ne peut pas être dans le futur."),
            code="authorisation_in_future",
        )
    if errors:
        raise ValidationError(errors)


class LegalBasisFields(models.Model):
    """The legal-basis columns of a project's use of a dataset."""

    legal_framework = models.CharField(
        _("cadre juridique"),
        max_length=24,
        choices=LegalFramework.choices,
        blank=True,
        help_text=_(
            "Méthodologie de référence de la CNIL, autorisation de la CNIL après "
            "avis du CESREES, consentement ou autre cadre."
        ),
    )
    authorisation_reference = models.CharField(
        _("numéro d’autorisation"),
        max_length=80,
        blank=True,
        help_text=_(
            "Numéro de la décision de la CNIL ; vide pour une méthodologie de "
            "référence."
        ),
    )
    authorisation_date = models.DateField(
        _("date de l’autorisation"), null=True, blank=True
    )
    data_controller = models.CharField(
        _("responsable du traitement"),
        max_length=255,
        blank=True,
        help_text=_("L’organisme qui décide de l’usage des données dans ce projet."),
    )
    data_leave_source = models.BooleanField(
        _("les données sortent de l’environnement sécurisé de la source"),
        null=True,
        blank=True,
        help_text=_("Vide si l’information n’est pas connue."),
    )

    class Meta:
        abstract = True

    @property
    def legal_basis_group(self) -> str:
        return legal_basis_group(self.legal_framework)

    def clean(self) -> None:
        super().clean()
        legal_basis_check(
            framework=self.legal_framework,
            reference=self.authorisation_reference,
            date=self.authorisation_date,
        )
