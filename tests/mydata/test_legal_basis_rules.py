"""The legal-basis rules, in their one home and wherever a link is written: the
model's clean() (the Wagtail admin), the researchers' form, the import."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from projects.models.legal_basis import legal_basis_check, legal_basis_group
from tests.factories import ProjectDatasetFactory

TODAY = datetime.date.today()


def codes(error: ValidationError) -> dict[str, list[str]]:
    return {
        field: [item.code for item in items]
        for field, items in error.error_dict.items()
    }


@pytest.mark.parametrize("framework", ["mr-001", "mr-004", "mr-008"])
def test_a_reference_methodology_needs_no_authorisation(framework):
    legal_basis_check(framework=framework, reference="", date=None)
    with pytest.raises(ValidationError) as raised:
        legal_basis_check(framework=framework, reference="DR-2024-1", date=TODAY)
    assert codes(raised.value) == {
        "authorisation_reference": ["methodology_without_authorisation"],
        "authorisation_date": ["methodology_without_authorisation"],
    }


def test_an_authorisation_requires_its_number():
    legal_basis_check(framework="cnil-authorisation", reference="DR-2024-1", date=None)
    with pytest.raises(ValidationError) as raised:
        legal_basis_check(framework="cnil-authorisation", reference="", date=TODAY)
    assert codes(raised.value) == {
        "authorisation_reference": ["authorisation_reference_required"]
    }


def test_a_number_without_framework_or_a_future_date_is_refused():
    with pytest.raises(ValidationError) as raised:
        legal_basis_check(framework="", reference="DR-1", date=None)
    assert codes(raised.value) == {"legal_framework": ["framework_required"]}
    with pytest.raises(ValidationError) as raised:
        legal_basis_check(
            framework="cnil-authorisation",
            reference="DR-1",
            date=TODAY + datetime.timedelta(days=2),
        )
    assert codes(raised.value) == {"authorisation_date": ["authorisation_in_future"]}


def test_consent_other_and_unstated_pass():
    for framework in ("consent", "other", ""):
        legal_basis_check(framework=framework, reference="", date=None)


def test_groups():
    assert legal_basis_group("mr-005") == "reference_methodology"
    assert legal_basis_group("cnil-authorisation") == "cnil_authorisation"
    assert legal_basis_group("consent") == "consent"
    assert legal_basis_group("") == "unstated"


@pytest.mark.django_db
def test_model_clean_applies_the_rules():
    use = ProjectDatasetFactory(legal_framework="mr-004")
    use.full_clean()
    use.authorisation_reference = "DR-2024-9"
    with pytest.raises(ValidationError) as raised:
        use.full_clean()
    assert "authorisation_reference" in raised.value.error_dict
    use.legal_framework = "cnil-authorisation"
    use.full_clean()
