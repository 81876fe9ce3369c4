"""The data-version cache (portal/core/data_version.py) serves a computation until
the data it reads changes, per language."""

import pytest
from django.utils import translation

from portal.core.data_version import generation_version, version_cached
from projects.models import Project
from tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def test_the_version_moves_with_an_edit_and_the_cache_follows(
    settings, django_capture_on_commit_callbacks
):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    }
    calls = []

    def cached() -> int:
        return version_cached(
            namespace="test",
            key="projects",
            version=generation_version(Project),
            compute=lambda: calls.append(1) or len(calls),
            timeout=60,
        )

    project = ProjectFactory()
    before = generation_version(Project)
    assert cached() == 1 and cached() == 1
    with django_capture_on_commit_callbacks(execute=True):
        project.title = "Titre modifié"
        project.save()
    assert generation_version(Project) != before
    assert cached() == 2
    with translation.override("en"):
        assert cached() == 3
    assert cached() == 2
