"""Past one machine (docs/scaling.md): gunicorn's workers, Celery's concurrency and
the index's shards and replicas come from the environment."""

import os
import runpy
import subprocess
import sys
from pathlib import Path

from django.conf import settings

from search.indexing import index_settings

ROOT = Path(settings.BASE_DIR)


def test_gunicorn_reads_its_workers_and_address_from_the_environment(monkeypatch):
    monkeypatch.setenv("WEB_CONCURRENCY", "7")
    monkeypatch.setenv("GUNICORN_BIND", "0.0.0.0:8123")
    config = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    assert config["workers"] == 7
    assert config["bind"] == "0.0.0.0:8123"
    assert config["preload_app"] is True


def test_index_shards_and_replicas_follow_the_settings(settings):
    settings.SEARCH_SHARDS, settings.SEARCH_REPLICAS = 3, 2
    assert index_settings()["number_of_shards"] == 3
    assert index_settings()["number_of_replicas"] == 2


def test_celery_concurrency_and_shards_are_read_from_the_environment():
    code = (
        "import django; django.setup();"
        "from django.conf import settings; from portal.celery import app;"
        "print(app.conf.worker_concurrency, settings.SEARCH_SHARDS)"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "CELERY_WORKER_CONCURRENCY": "6",
        "SEARCH_SHARDS": "4",
    }
    output = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert output == ["6", "4"]
