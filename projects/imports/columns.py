"""The declarative column spec of each kind of import, and the parsers of cell values.

A parser turns the text of a cell into a value or raises `ValueError` with a reason a
person can act on. List columns hold several values separated by `|`.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator

from registry.validators import (
    normalise_ror,
    validate_orcid,
    validate_rnsr,
    validate_ror,
)

LIST_SEPARATOR = "|"
# Spreadsheets (and the ANR's open data) store dates as days since 1899-12-30.
EXCEL_EPOCH = datetime.date(1899, 12, 30)
EXCEL_SERIAL = re.compile(r"^\d{5}$")

Parser = Callable[[str], Any]


@dataclass(frozen=True)
class Column:
    """One column of an import file: its name, whether it must be filled, how its
    cells are read, and what the documentation and the template file say about it."""

    name: str
    help: str
    example: str = ""
    required: bool = False
    parse: Parser = str
    many: bool = False


def _django_check(validator: Callable[[str], None], value: str) -> str:
    try:
        validator(value)
    except ValidationError as error:
        raise ValueError(" ".join(str(message) for message in error.messages)) from None
    return value


def text(max_length: int) -> Parser:
    def parse(value: str) -> str:
        if len(value) > max_length:
            raise ValueError(f"{len(value)} caractères pour {max_length} au plus.")
        return value

    return parse


def integer(low: int, high: int) -> Parser:
    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise ValueError("un nombre entier est attendu.") from None
        if not low <= number <= high:
            raise ValueError(f"un nombre entre {low} et {high} est attendu.")
        return number

    return parse


def amount(value: str) -> Decimal:
    """Euros: `1500000`, `1 500 000`, `1500000.50` or `1500000,50`."""
    cleaned = value.replace("\u202f", "").replace("\xa0", "").replace(" ", "")
    try:
        number = Decimal(cleaned.replace(",", "."))
    except InvalidOperation:
        raise ValueError("un montant en euros est attendu, ex. 1500000.") from None
    if number < 0 or not number.is_finite():
        raise ValueError("un montant positif est attendu.")
    return number.quantize(Decimal("0.01"))


def date(value: str) -> datetime.date:
    """`2024-01-31`, `31/01/2024` or a spreadsheet serial number (`45322`)."""
    if EXCEL_SERIAL.match(value):
        return EXCEL_EPOCH + datetime.timedelta(days=int(value))
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise ValueError("une date est attendue : AAAA-MM-JJ ou JJ/MM/AAAA.")


def boolean(value: str) -> bool:
    lowered = value.lower()
    if lowered in {"1", "oui", "true", "vrai", "yes", "o"}:
        return True
    if lowered in {"0", "non", "false", "faux", "no", "n"}:
        return False
    raise ValueError("1/0 ou oui/non est attendu.")


def choice(choices: type) -> Parser:
    """A value of a TextChoices, given by its code (`hospital`) or its French label."""

    def parse(value: str) -> str:
        lowered = value.lower()
        # Codes first: a label is translated text, costly to render once a cell.
        for code in choices.values:
            if lowered == str(code).lower():
                return code
        for code, label in choices.choices:
            if lowered == str(label).lower():
                return code
        codes = ", ".join(str(code) for code in choices.values if code)
        raise ValueError(f"valeur inconnue ; valeurs possibles : {codes}.")

    return parse


def ror(value: str) -> str:
    return _django_check(validate_ror, normalise_ror(value))


def orcid(value: str) -> str:
    bare = value.strip().upper().removeprefix("HTTPS://ORCID.ORG/")
    return _django_check(validate_orcid, bare)


def rnsr(value: str) -> str:
    return _django_check(validate_rnsr, value.strip().upper())


def url(value: str) -> str:
    return _django_check(URLValidator(), value)


def email(value: str) -> str:
    return _django_check(EmailValidator(), value)


def cell_parse(column: Column, raw: str) -> tuple[Any, list[str]]:
    """The value of one cell and the reasons it is wrong (empty when it is right).

    An empty cell gives "" (or [] for a list column); `required` is checked here.
    """
    raw = (raw or "").strip()
    if not raw:
        reasons = ["valeur obligatoire manquante."] if column.required else []
        return ([] if column.many else ""), reasons
    if not column.many:
        try:
            return column.parse(raw), []
        except ValueError as error:
            return raw, [str(error)]
    values, reasons = [], []
    for part in (item.strip() for item in raw.split(LIST_SEPARATOR)):
        if not part:
            continue
        try:
            values.append(column.parse(part))
        except ValueError as error:
            reasons.append(f"« {part} » : {error}")
    return values, reasons
