"""The embedded SQLite database keeps answering reads while a long import writes.

Two connections to one SQLite file, opened with the portal's SQLITE_OPTIONS: one
holds a write transaction (as a long import does), the other reads meanwhile.
With SQLite's default rollback journal the read fails with "database is locked".
"""

import threading
import time

import pytest
from django.db.backends.sqlite3.base import DatabaseWrapper

from portal.settings.base import SQLITE_OPTIONS


@pytest.fixture(autouse=True)
def own_sqlite_files(django_db_blocker):
    """These connections are the test's own files, not the test database."""
    with django_db_blocker.unblock():
        yield


def _connection(path, **options):
    wrapper = DatabaseWrapper(
        {
            "NAME": str(path),
            "OPTIONS": {**SQLITE_OPTIONS, **options},
            "TIME_ZONE": None,
            "CONN_MAX_AGE": 0,
            "CONN_HEALTH_CHECKS": False,
            "AUTOCOMMIT": True,
            "ATOMIC_REQUESTS": False,
            "USER": "",
            "PASSWORD": "",
            "HOST": "",
            "PORT": "",
            "TEST": {},
        },
        alias=f"sqlite-{path.name}",
    )
    wrapper.ensure_connection()
    return wrapper


def test_journal_is_the_write_ahead_log(tmp_path):
    db = _connection(tmp_path / "portal.sqlite3")
    with db.cursor() as cursor:
        assert cursor.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.close()


def test_reads_answer_while_an_import_holds_the_write_lock(tmp_path):
    path = tmp_path / "portal.sqlite3"
    writer, reader = _connection(path), _connection(path, timeout=0.2)
    with writer.cursor() as cursor:
        cursor.execute("CREATE TABLE project (id INTEGER PRIMARY KEY, name TEXT)")
        cursor.execute("INSERT INTO project (name) VALUES ('avant import')")
    # An import's transaction: EXCLUSIVE is the strongest lock a writer takes (the
    # rollback journal takes it to write its pages, locking every reader out).
    writer.connection.execute("BEGIN EXCLUSIVE")
    writer.connection.execute("INSERT INTO project (name) VALUES ('importé')")
    try:
        with reader.cursor() as cursor:
            rows = cursor.execute("SELECT name FROM project").fetchall()
        assert rows == [("avant import",)]  # the committed state, at once
    finally:
        writer.connection.execute("COMMIT")
        writer.close()
        reader.close()


def test_a_second_writer_waits_for_the_first_instead_of_failing(tmp_path):
    path = tmp_path / "portal.sqlite3"
    first, second = _connection(path), _connection(path)  # the portal's timeout
    with first.cursor() as cursor:
        cursor.execute("CREATE TABLE report (id INTEGER PRIMARY KEY, text TEXT)")
    first.connection.execute("BEGIN IMMEDIATE")
    first.connection.execute("INSERT INTO report (text) VALUES ('import')")
    threading.Timer(0.3, lambda: first.connection.execute("COMMIT")).start()
    started = time.monotonic()
    with second.cursor() as cursor:  # waits on the busy timeout, then writes
        cursor.execute("INSERT INTO report (text) VALUES ('signalement')")
    assert time.monotonic() - started >= 0.2  # it waited for the lock…
    with second.cursor() as cursor:  # …and both rows are stored
        assert cursor.execute("SELECT count(*) FROM report").fetchone()[0] == 2
    first.close()
    second.close()
