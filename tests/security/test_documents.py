"""A Wagtail document follows the records that use it: served to anyone once a
public record uses it, a 404 (like an unknown one) while only hidden records do,
and always served to the admin's moderators and to its uploader."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from registry.models import Evaluation
from tests.factories import EvaluationFactory, ProjectFactory
from tests.security.pages import page_shape

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4 rapport d'evaluation"


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def a_document(title: str = "Rapport", uploaded_by=None) -> Document:
    return Document.objects.create(
        title=title,
        file=ContentFile(PDF, name="rapport.pdf"),
        uploaded_by_user=uploaded_by,
    )


def download(client, document: Document):
    response = client.get(document.url)
    body = b"".join(response.streaming_content) if response.streaming else b""
    return response.status_code, body


def link_to(document: Document) -> str:
    return f'<p><a linktype="document" id="{document.pk}">Rapport</a></p>'


def test_the_report_of_an_unpublished_evaluation_is_hidden_until_publication(
    client, moderator, django_user_model
):
    document = a_document()
    evaluation = EvaluationFactory(
        status=Evaluation.Status.COMPLETED, published_on=None, report_document=document
    )
    unknown_url = f"/documents/{document.pk + 1000}/rapport.pdf"
    unknown = client.get(unknown_url)

    assert download(client, document) == (404, b"")
    hidden = client.get(document.url)
    assert page_shape(hidden, document.url) == page_shape(unknown, unknown_url)
    researcher = django_user_model.objects.create_user(username="r", password="x")
    client.force_login(researcher)
    assert download(client, document) == (404, b"")
    client.force_login(moderator)
    assert download(client, document) == (200, PDF)

    # The status changes through the evaluation's steps; only the outcome matters here.
    Evaluation.objects.filter(pk=evaluation.pk).update(
        status=Evaluation.Status.PUBLISHED
    )
    client.logout()
    assert download(client, document) == (200, PDF)


def test_a_published_evaluation_of_a_draft_project_keeps_its_report_hidden(client):
    document = a_document()
    EvaluationFactory(project=ProjectFactory(live=False), report_document=document)

    assert download(client, document) == (404, b"")


def test_a_link_in_a_project_description_follows_the_project(client):
    in_draft, in_public = a_document("Brouillon"), a_document("Public")
    ProjectFactory(live=False, description=link_to(in_draft))
    ProjectFactory(description=link_to(in_public))

    assert download(client, in_draft) == (404, b"")
    assert download(client, in_public) == (200, PDF)


def test_a_document_nothing_uses_is_for_its_uploader_and_the_admin(
    client, moderator, django_user_model
):
    uploader = django_user_model.objects.create_user(username="u", password="x")
    document = a_document(uploaded_by=uploader)

    assert download(client, document) == (404, b"")
    client.force_login(uploader)
    assert download(client, document) == (200, PDF)
    client.force_login(moderator)
    assert download(client, document) == (200, PDF)
