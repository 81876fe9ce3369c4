"""Identifiers and dates are validated where people type them, with clear messages."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from registry.validators import (
    orcid_check_digit,
    validate_doi,
    validate_hal_id,
    validate_orcid,
    validate_rnsr,
    validate_ror,
)
from tests.factories import EvaluationFactory, OrganisationFactory, ProjectFactory


@pytest.mark.parametrize(
    "orcid", ["0000-0002-1825-0097", "0000-0001-5109-3700", "0000-0002-1694-233X"]
)
def test_real_orcids_pass(orcid):
    validate_orcid(orcid)


@pytest.mark.parametrize(
    "orcid,code",
    [
        ("0000-0002-1825-0098", "orcid_checksum"),
        ("0000-0002-1694-2339", "orcid_checksum"),
        ("0000-0002-1825-009", "orcid_format"),
        ("0000000218250097", "orcid_format"),
    ],
)
def test_bad_orcids_fail_with_their_reason(orcid, code):
    with pytest.raises(ValidationError) as error:
        validate_orcid(orcid)
    assert error.value.code == code


def test_orcid_check_digit_can_be_x():
    assert orcid_check_digit("000000021694233") == "X"


@pytest.mark.parametrize("ror", ["02vjkv261", "02kvxyf05", "02feahw73", "00jjx8s55"])
def test_institute_ror_ids_pass(ror):
    validate_ror(ror)


@pytest.mark.parametrize(
    "ror,code",
    [
        ("02vjkv262", "ror_checksum"),
        ("12vjkv261", "ror_format"),
        ("02vjkvi61", "ror_format"),  # "i" is not Crockford base32
        ("https://ror.org/02vjkv261", "ror_format"),
    ],
)
def test_bad_ror_ids_fail(ror, code):
    with pytest.raises(ValidationError) as error:
        validate_ror(ror)
    assert error.value.code == code


def test_rnsr_doi_and_hal_formats():
    validate_rnsr("200918472W")
    validate_doi("10.1038/s41591-020-0942-0")
    validate_hal_id("inserm-01234567v2")
    for validator, value in [
        (validate_rnsr, "20091847W"),
        (validate_doi, "doi:10.1/x"),
        (validate_hal_id, "HAL-123"),
    ]:
        with pytest.raises(ValidationError):
            validator(value)


@pytest.mark.django_db
def test_organisation_full_clean_rejects_a_wrong_ror():
    organisation = OrganisationFactory.build(name="Inserm", ror_id="02vjkv262")
    with pytest.raises(ValidationError) as error:
        organisation.full_clean()
    assert "ror_id" in error.value.message_dict


@pytest.mark.django_db
def test_project_end_before_start_is_refused_by_form_and_database():
    project = ProjectFactory(start_date=datetime.date(2025, 1, 1))
    project.end_date = datetime.date(2024, 12, 31)
    with pytest.raises(ValidationError) as error:
        project.full_clean()
    assert "end_date" in error.value.message_dict

    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        project.save(update_fields=["end_date"])


@pytest.mark.django_db
def test_evaluation_dates_must_follow_the_steps_and_finished_ones_need_a_verdict():
    evaluation = EvaluationFactory.build(
        project=ProjectFactory(),
        evaluator=OrganisationFactory(),
        requested_on=datetime.date(2025, 5, 1),
        started_on=datetime.date(2025, 4, 1),
        verdict="",
    )
    with pytest.raises(ValidationError) as error:
        evaluation.full_clean()
    assert set(error.value.message_dict) >= {"started_on", "verdict"}
