"""A real Celery worker runs an import uploaded in the admin; the page's JSON
endpoint follows it to the end (needs Redis, like tests/integration)."""

import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from portal.celery import app as celery_app
from projects.imports.models import ImportRun
from registry.models import Organisation
from tests.imports import samples
from tests.integration.test_celery_worker import (  # noqa: F401 (a fixture)
    RESULT_TIMEOUT_SECONDS,
    celery_worker,
    pytestmark,
)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_worker_imports_an_upload_and_the_progress_endpoint_follows(
    celery_worker,  # noqa: F811
    client,
    django_user_model,
    monkeypatch,
):
    admin = django_user_model.objects.create_superuser("admin", password="x-pass-12")
    client.force_login(admin)
    monkeypatch.setattr(celery_app.conf, "task_always_eager", False)

    response = client.post(
        reverse("imports:run_create"),
        {
            "file": SimpleUploadedFile("o.csv", samples.ORGANISATIONS.encode()),
            "kind": "organisations",
        },
    )

    run = ImportRun.objects.get()
    progress_url = reverse("imports:run_progress", kwargs={"pk": run.pk})
    assert response.status_code == 302
    deadline = time.monotonic() + RESULT_TIMEOUT_SECONDS
    while not (progress := client.get(progress_url).json())["finished"]:
        worker_log, _mail = celery_worker
        assert time.monotonic() < deadline, worker_log()
        time.sleep(0.3)
    assert progress["status"] == "succeeded" and progress["done"] == 4
    assert Organisation.objects.filter(ror_id="01hq89f96").exists()
