"""The admin's import pages: a moderator uploads, the Celery task runs (eagerly here),
the progress endpoint answers and the report shows; nobody else gets in."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from projects.imports.models import ImportRun, ImportRunFile
from registry.models import Organisation, Person
from tests.imports import samples
from tests.imports.conftest import DATA_DIR, table_counts

pytestmark = pytest.mark.django_db


def upload(client, text: str, name: str = "organisations.csv", **fields):
    data = {
        "kind": "",
        "file": SimpleUploadedFile(name, text.encode(), content_type="text/csv"),
        "file_format": "",
        "source": "",
        **fields,
    }
    return client.post(reverse("imports:run_create"), data)


@pytest.fixture
def researcher(django_user_model):
    user = django_user_model.objects.create_user(
        username="chercheuse", password="x-test-pass-1234"
    )
    Person.objects.create(first_name="Ada", last_name="Chercheuse", user=user)
    return user


def test_moderator_uploads_and_the_task_imports_the_file(
    client, moderator, django_capture_on_commit_callbacks
):
    client.force_login(moderator)
    assert client.get(reverse("imports:run_create")).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, samples.ORGANISATIONS, source="Essai, licence X")

    run = ImportRun.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("imports:run_detail", kwargs={"pk": run.pk})
    assert run.status == ImportRun.Status.SUCCEEDED and run.user == moderator
    assert run.counts["organisations"]["created"] == 4
    assert not ImportRunFile.objects.exists()  # the upload is not kept
    assert Organisation.objects.get(acronym="Inserm").source == "Essai, licence X"

    progress = client.get(reverse("imports:run_progress", kwargs={"pk": run.pk}))
    assert progress.status_code == 200
    assert progress.json() == {
        "id": run.pk,
        "status": "succeeded",
        "status_label": "réussi",
        "finished": True,
        "done": 4,
        "total": 4,
        "counts": run.counts,
        "error_count": 0,
    }
    page = client.get(response["Location"]).content.decode()
    assert "Enregistrements par type" in page and "organisations" in page
    listing = client.get(reverse("imports:run_list")).content.decode()
    assert "organisations.csv" in listing and moderator.username in listing


def test_dry_run_upload_reports_and_writes_nothing(
    client, moderator, django_capture_on_commit_callbacks
):
    client.force_login(moderator)
    before = table_counts()

    with django_capture_on_commit_callbacks(execute=True):
        upload(client, samples.ORGANISATIONS, dry_run="on")

    run = ImportRun.objects.get()
    assert run.dry_run and run.counts["organisations"]["created"] == 4
    assert table_counts() == before


def test_broken_upload_shows_every_error_and_writes_nothing(
    client, moderator, django_capture_on_commit_callbacks
):
    client.force_login(moderator)
    broken = "ror,name\n05qec5a54,Rennes\n01hq89f96,\n"
    before = table_counts()

    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, broken)

    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.INVALID
    assert [(e["row"], e["column"]) for e in run.errors] == [(2, "ror"), (3, "name")]
    assert table_counts() == before
    page = client.get(response["Location"]).content.decode()
    assert "2 erreurs" in page and "05qec5a54" in page


def test_anr_upload_needs_the_partners_file(client, moderator):
    client.force_login(moderator)
    projects = (DATA_DIR / "anr_health_projects.csv").read_text()

    response = upload(client, projects, "anr_health_projects.csv", kind="anr")

    assert response.status_code == 200
    assert "fichier des partenaires" in response.content.decode()
    assert not ImportRun.objects.exists()


def test_nobody_but_moderators_and_administrators_may_import(
    client, editor, researcher, django_user_model
):
    run = ImportRun.objects.create(kind="organisations", file_name="x.csv")
    urls = [
        reverse("imports:run_list"),
        reverse("imports:run_create"),
        reverse("imports:run_detail", kwargs={"pk": run.pk}),
        reverse("imports:run_progress", kwargs={"pk": run.pk}),
        reverse("imports:template", kwargs={"name": "teams"}),
    ]
    for user in (None, editor, researcher):
        client.logout()
        if user:
            client.force_login(user)
        for url in urls:
            assert client.get(url).status_code in (302, 403), (user, url)
        assert upload(client, samples.ORGANISATIONS).status_code in (302, 403)
    assert ImportRun.objects.count() == 1 and not Organisation.objects.exists()

    admin = django_user_model.objects.create_superuser("admin", password="x-pass-12")
    client.force_login(admin)
    assert client.get(urls[3]).status_code == 200


def test_template_files_have_the_documented_header_and_an_example(client, moderator):
    client.force_login(moderator)

    response = client.get(reverse("imports:template", kwargs={"name": "people"}))

    header, example = response.content.decode().splitlines()
    assert header.startswith("orcid,first_name,last_name")
    assert example.startswith("0000-0002-1825-0097,")
    assert "attachment" in response["Content-Disposition"]
    assert client.get("/admin/imports/modele/inconnu.csv").status_code == 404


def test_progress_endpoint_reads_a_running_import(client, moderator):
    from django.core.cache import cache

    from projects.imports.services import PROGRESS_KEY

    client.force_login(moderator)
    run = ImportRun.objects.create(
        kind="anr", file_name="a.csv", status=ImportRun.Status.RUNNING
    )
    cache.set(PROGRESS_KEY.format(run_id=run.pk), (120, 866))

    body = json.loads(
        client.get(reverse("imports:run_progress", kwargs={"pk": run.pk})).content
    )

    assert (body["done"], body["total"], body["finished"]) == (120, 866, False)
    page = client.get(reverse("imports:run_detail", kwargs={"pk": run.pk}))
    assert b"run_progress.js" in page.content


def test_upload_form_errors_are_linked_to_their_fields(client, moderator):
    client.force_login(moderator)

    response = client.post(reverse("imports:run_create"), {"kind": "anr"})

    assert response.status_code == 200
    html = response.content.decode()
    assert 'for="id_file"' in html and 'aria-invalid="true"' in html
    assert "Champ requis" in html
    assert "fichier des partenaires" in html
    assert not ImportRun.objects.exists()


def test_history_page_queries_do_not_grow_with_the_number_of_runs(client, moderator):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(moderator)
    url = reverse("imports:run_list")

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    ImportRun.objects.create(kind="teams", file_name="a.csv", user=moderator)
    few = queries()
    for number in range(20):
        ImportRun.objects.create(
            kind="teams", file_name=f"{number}.csv", user=moderator
        )
    assert queries() == few


def test_an_internal_failure_marks_the_run_failed_and_drops_the_upload(
    monkeypatch, moderator
):
    from projects.imports import services
    from projects.imports.engine import SourceFile

    run = services.import_run_create(
        files=[SourceFile("o.csv", b"name\nX\n")], user=moderator, keep_files=True
    )

    def broken(**kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(services, "import_execute", broken)
    with pytest.raises(RuntimeError):
        services.import_run_execute(run=run)

    run.refresh_from_db()
    assert run.status == ImportRun.Status.FAILED and run.finished_at
    assert not ImportRunFile.objects.exists()
