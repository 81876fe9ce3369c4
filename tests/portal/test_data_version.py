"""The data-version cache (portal/core/data_version.py) serves a computation until
the data it reads changes, per language."""

import pytest
from django.db.models import Count, Max
from django.utils import translation

from portal.core.data_version import data_version, version_cached
from projects.models import Project
from tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def projects_version() -> str:
    return data_version(
        [
            (Project.objects.all(), {"count": Count("pk"), "at": Max("updated_at")}),
            {"fixed": 1},
        ]
    )


def test_the_version_moves_with_an_edit_and_the_cache_follows(settings):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    }
    calls = []

    def cached() -> int:
        return version_cached(
            namespace="test",
            key="projects",
            version=projects_version(),
            compute=lambda: calls.append(1) or len(calls),
            timeout=60,
        )

    project = ProjectFactory()
    before = projects_version()
    assert cached() == 1 and cached() == 1
    project.title = "Titre modifié"
    project.save()
    assert projects_version() != before
    assert cached() == 2
    with translation.override("en"):
        assert cached() == 3
    assert cached() == 2


def test_every_part_is_read_in_one_statement_and_a_none_part_still_counts(
    django_assert_num_queries,
):
    from registry.models import Organisation

    parts = [
        (Project.objects.all(), {"count": Count("pk"), "at": Max("updated_at")}),
        (Organisation.objects.filter(kind="funder"), {"count": Count("pk")}),
        {"fixed": 1},
    ]
    ProjectFactory()
    with django_assert_num_queries(1):
        first = data_version(parts)
    assert "('count', 1)" in first
    ProjectFactory(lead_organisation__kind="funder")
    assert data_version(parts) != first
    # A part that can match nothing cannot be compiled: each part on its own then.
    with_none = [*parts, (Project.objects.none(), {"count": Count("pk")})]
    assert data_version(with_none).endswith("[('count', 0)]]")
