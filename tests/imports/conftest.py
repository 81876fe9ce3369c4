"""Helpers for the import tests: real data files, row counts across every table."""

from pathlib import Path

import pytest
from django.apps import apps

from projects.imports.engine import SourceFile

DATA_DIR = Path(__file__).resolve().parents[2] / "portal" / "demo" / "data"
# Everything an import may write, bar its own history.
WRITTEN_APPS = ("registry", "projects", "taggit", "wagtailcore")


def table_counts() -> dict[str, int]:
    """Rows per table of every app an import may write to."""
    return {
        model._meta.label: model._default_manager.count()
        for app in WRITTEN_APPS
        for model in apps.get_app_config(app).get_models()
    }


@pytest.fixture
def real_file():
    def read(name: str) -> SourceFile:
        return SourceFile(name=name, content=(DATA_DIR / name).read_bytes())

    return read


def csv_file(name: str, text: str, encoding: str = "utf-8") -> SourceFile:
    return SourceFile(name=name, content=text.encode(encoding))


@pytest.fixture(autouse=True)
def sample_terms(db):
    """The taxonomy terms the sample projects name (migrations load them too, but a
    transactional test elsewhere may have flushed them)."""
    from projects.models import Domain, Technique

    Domain.objects.get_or_create(
        slug="ophtalmologie", defaults={"name": "Ophtalmologie"}
    )
    Technique.objects.get_or_create(
        slug="reseaux-convolutifs", defaults={"name": "Réseaux convolutifs"}
    )
