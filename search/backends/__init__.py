"""The search engines, one module each, behind search/backends/base.py."""

from django.db import connection


def database_backend():
    """The engine of the database the portal runs on: PostgreSQL, or SQLite (the
    embedded default)."""
    from search.backends.postgres import PostgresBackend
    from search.backends.sqlite import SqliteBackend

    return SqliteBackend() if connection.vendor == "sqlite" else PostgresBackend()
