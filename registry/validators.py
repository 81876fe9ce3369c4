"""Validators for the public identifiers of research: ORCID, ROR, RNSR, DOI, HAL."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

ORCID_PATTERN = re.compile(r"^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$")
ROR_PATTERN = re.compile(r"^0[0-9a-hjkmnp-tv-z]{6}\d{2}$")
RNSR_PATTERN = re.compile(r"^\d{9}[A-Z]$")
DOI_PATTERN = re.compile(r"^10\.\d{4,9}/\S+$")
HAL_PATTERN = re.compile(r"^[a-z]+-\d{8}(v\d+)?$")
CROCKFORD_BASE32 = "0123456789abcdefghjkmnpqrstvwxyz"


def orcid_check_digit(base_digits: str) -> str:
    """The ISO 7064 11,2 check character of the first 15 digits of an ORCID."""
    total = 0
    for digit in base_digits:
        total = (total + int(digit)) * 2
    result = (12 - total % 11) % 11
    return "X" if result == 10 else str(result)


def validate_orcid(value: str) -> None:
    if not ORCID_PATTERN.match(value or ""):
        raise ValidationError(
            _("Un ORCID s’écrit 0000-0002-1825-0097 (16 caractères en 4 groupes)."),
            code="orcid_format",
        )
    digits = value.replace("-", "")
    if orcid_check_digit(digits[:15]) != digits[15]:
        raise ValidationError(
            _(
                "Cet ORCID n’est pas valide : son dernier caractère (clé de contrôle) "
                "ne correspond pas."
            ),
            code="orcid_checksum",
        )


def ror_checksum(value: str) -> int:
    """The ISO 7064 mod 97-10 checksum of the first seven characters of a ROR id."""
    number = 0
    for char in value[:7]:
        number = number * 32 + CROCKFORD_BASE32.index(char)
    return 98 - (number * 100) % 97


def validate_ror(value: str) -> None:
    if not ROR_PATTERN.match(value or ""):
        raise ValidationError(
            _("Un identifiant ROR s’écrit sur 9 caractères, par exemple 02vjkv261."),
            code="ror_format",
        )
    if ror_checksum(value) != int(value[7:]):
        raise ValidationError(
            _(
                "Cet identifiant ROR n’est pas valide : sa clé de contrôle ne correspond pas."
            ),
            code="ror_checksum",
        )


def validate_rnsr(value: str) -> None:
    if not RNSR_PATTERN.match(value or ""):
        raise ValidationError(
            _(
                "Un code RNSR s’écrit avec 9 chiffres suivis d’une lettre, "
                "par exemple 200918472W."
            ),
            code="rnsr_format",
        )


def validate_doi(value: str) -> None:
    if not DOI_PATTERN.match(value or ""):
        raise ValidationError(
            _("Un DOI commence par « 10. », par exemple 10.1038/s41591-020-0942-0."),
            code="doi_format",
        )


def validate_hal_id(value: str) -> None:
    if not HAL_PATTERN.match(value or ""):
        raise ValidationError(
            _(
                "Un identifiant HAL s’écrit par exemple hal-01234567 ou inserm-01234567v2."
            ),
            code="hal_format",
        )


def normalise_ror(value: str) -> str:
    """Accept the full URL form (https://ror.org/02vjkv261) as well as the bare id."""
    return (value or "").strip().lower().removeprefix("https://ror.org/")
