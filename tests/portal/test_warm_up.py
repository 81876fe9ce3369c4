"""gunicorn's master builds before the fork what each worker's first request built
lazily (portal/core/warm_up.py), without opening a connection the workers would
then share."""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)

# A fresh process, as gunicorn's master after `preload_app`: the app is loaded,
# the URLconf not yet. `_reverse_dict` holds the reverse lookups per language.
CODE = """
import runpy, sys
from django.core.wsgi import get_wsgi_application
get_wsgi_application()
from django.db import connections
from django.urls import get_resolver
before = "portal.urls" in sys.modules
runpy.run_path("gunicorn.conf.py")["when_ready"](None)
import gc; gc.unfreeze()
print(before, "portal.urls" in sys.modules, sorted(get_resolver()._reverse_dict),
      all(c.connection is None for c in connections.all(initialized_only=True)))
"""


def test_the_master_warms_the_urls_and_languages_without_connecting():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.test"}
    result = subprocess.run(
        [sys.executable, "-c", CODE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "warm-up before the fork failed" not in result.stderr
    assert result.stdout.split("\n")[-2] == "False True ['en', 'fr'] True"
