"""The researchers' form writes each dataset use's legal basis and refuses, field by
field, what `legal_basis_check` refuses, keeping the input."""

import pytest
from django.urls import reverse

from projects.models import Project
from tests.contribution.conftest import (  # noqa: F401
    eager_celery,
    make_user,
    researcher,
)
from tests.contribution.forms_data import management, project_payload
from tests.factories import DatasetFactory, OrganisationFactory

pytestmark = pytest.mark.django_db
CREATE_URL = reverse("contribution:project_create")


def use_payload(dataset, **legal) -> dict:
    return {
        **management("datasets", total=1),
        "datasets-0-dataset": str(dataset.pk),
        "datasets-0-access_status": "granted",
        **{f"datasets-0-{name}": value for name, value in legal.items()},
    }


def test_the_form_saves_the_legal_basis(client, researcher):  # noqa: F811
    organisation, dataset = OrganisationFactory(), DatasetFactory(acronym="SNDS")
    client.force_login(researcher)
    page = client.get(CREATE_URL).content.decode()
    assert 'name="datasets-0-legal_framework"' in page
    assert 'name="datasets-0-data_leave_source"' in page

    response = client.post(
        CREATE_URL,
        project_payload(
            organisation,
            **use_payload(
                dataset,
                legal_framework="cnil-authorisation",
                authorisation_reference="DR-2025-4",
                authorisation_date="2025-03-01",
                data_controller="Inserm",
                data_leave_source="no",
            ),
        ),
    )
    assert response.status_code == 302
    use = Project.objects.get().dataset_uses.get()
    assert use.legal_framework == "cnil-authorisation"
    assert use.authorisation_reference == "DR-2025-4"
    assert use.authorisation_date.isoformat() == "2025-03-01"
    assert (use.data_controller, use.data_leave_source) == ("Inserm", False)
    edit = client.get(reverse("contribution:project_edit", args=[use.project_id]))
    assert 'value="DR-2025-4"' in edit.content.decode()


def test_the_form_refuses_a_methodology_with_a_number(client, researcher):  # noqa: F811
    organisation, dataset = OrganisationFactory(), DatasetFactory()
    client.force_login(researcher)
    response = client.post(
        CREATE_URL,
        project_payload(
            organisation,
            **use_payload(
                dataset, legal_framework="mr-004", authorisation_reference="DR-9"
            ),
        ),
    )
    assert response.status_code == 400
    row = response.context["use_formset"].forms[0]
    assert list(row.errors) == ["authorisation_reference"]
    assert 'value="DR-9"' in response.content.decode()
    assert not Project.objects.exists()
