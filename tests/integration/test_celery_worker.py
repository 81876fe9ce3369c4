"""A real Celery worker, over the test Redis, runs the publication notification task.

Needs the services of `scripts/services up` (`make test` starts them and sets
REDIS_URL). The worker runs in a subprocess against pytest-django's test database,
so the test is transactional: the worker only sees committed rows.

The worker writes its mail to files (EMAIL_URL=filemail://…): the test reads the
message there, and the count the task returns through the Redis result backend.
"""

import os
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection

from portal.celery import app as celery_app
from projects.models import ProjectMember
from projects.tasks import project_publication_notify
from tests.factories import PersonFactory, ProjectFactory

READY_TIMEOUT_SECONDS = 30
RESULT_TIMEOUT_SECONDS = 60

pytestmark = [
    pytest.mark.worker,
    pytest.mark.skipif(
        not os.environ.get("REDIS_URL"),
        reason="REDIS_URL is unset: a real worker needs Redis (run `make test`)",
    ),
]


def test_database_url() -> str:
    """The URL of pytest-django's test database, for the worker process."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    scheme = {"postgresql": "postgres"}.get(connection.vendor, connection.vendor)
    credentials = f"{quote(db['USER'], safe='')}:{quote(db['PASSWORD'], safe='')}@"
    return f"{scheme}://{credentials}{db['HOST']}:{db['PORT']}/{db['NAME']}"


test_database_url.__test__ = False  # a helper, not a test


@pytest.fixture
def celery_worker(tmp_path):
    """A `celery worker` subprocess on the `portal` queue, terminated at teardown."""
    if connection.vendor == "sqlite" and connection.creation.is_in_memory_db(
        connection.settings_dict["NAME"]
    ):
        pytest.skip("the test database is in-memory SQLite: a worker cannot share it")

    redis_url = settings.REDIS_URL
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "REDIS_URL": redis_url,
        "CELERY_BROKER_URL": redis_url,
        "CELERY_RESULT_BACKEND": redis_url,
        "DATABASE_URL": test_database_url(),
        # django-environ reads the path after "filemail://"; a fourth slash keeps it absolute.
        "EMAIL_URL": f"filemail:///{tmp_path / 'mail'}",
    }
    name = f"portal-test-{uuid.uuid4().hex[:8]}@{socket.gethostname()}"
    log_path = tmp_path / "worker.log"
    celery = Path(sys.executable).with_name("celery")

    celery_app.control.purge()  # no leftover message from an earlier run
    with log_path.open("w") as log:
        worker = subprocess.Popen(
            [
                str(celery),
                "-A",
                "portal",
                "worker",
                "--pool=solo",
                "--concurrency=1",
                "-Q",
                "portal",
                "--loglevel=INFO",
                "-n",
                name,
                # No cluster chatter: the test talks to this one worker only.
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
            ],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )

    def worker_log() -> str:
        return log_path.read_text(errors="replace")[-4000:]

    try:
        deadline = time.monotonic() + READY_TIMEOUT_SECONDS
        while not celery_app.control.ping(destination=[name], timeout=0.5):
            if worker.poll() is not None:
                pytest.fail(f"worker exited ({worker.returncode}):\n{worker_log()}")
            if time.monotonic() > deadline:
                pytest.fail(
                    f"worker silent for {READY_TIMEOUT_SECONDS}s:\n{worker_log()}"
                )
        yield worker_log, tmp_path / "mail"
    finally:
        worker.terminate()
        try:
            worker.wait(timeout=10)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()


# serialized_rollback: start from the migrated rows (content types, page tree) even
# when an earlier transactional test flushed them.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_worker_emails_the_members_of_a_published_project(celery_worker, monkeypatch):
    project = ProjectFactory(live=True)
    ProjectMember.objects.create(
        project=project,
        person=PersonFactory(email="camille.worker@example.org"),
        role=ProjectMember.Role.PRINCIPAL_INVESTIGATOR,
    )
    monkeypatch.setattr(celery_app.conf, "task_always_eager", False)

    result = project_publication_notify.apply_async(args=[project.pk])

    worker_log, mail_dir = celery_worker
    assert result.get(timeout=RESULT_TIMEOUT_SECONDS) == 1, worker_log()
    messages = [path.read_text() for path in mail_dir.iterdir()]
    assert len(messages) == 1
    assert "To: camille.worker@example.org" in messages[0]
    assert project.get_absolute_url() in messages[0]
