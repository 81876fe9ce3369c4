"""Test runs: whatever services the environment names, with fast hashing."""

from portal.settings.base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# pytest-django switches this process to the in-memory mail backend; a worker started
# by a test keeps the EMAIL_URL it is given, so its mail can be inspected on disk.
STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "django.contrib.staticfiles.storage.StaticFilesStorage"
)
# The benchmark commands are tested too; production never installs them.
INSTALLED_APPS = [*INSTALLED_APPS, "bench"]  # noqa: F405
# Tests rename and recreate rows between searches: labels are checked every search
# (the delay itself is tested in tests/search/test_facet_labels.py).
SEARCH_LABELS_RECHECK_SECONDS = 0
# The replica alias points at the test database (a mirror, no database of its own)
# so that tests/portal/test_db_router.py can route to it against the real
# PostgreSQL; the router is off unless a test turns it on (DATABASE_ROUTERS).
DATABASES["replica"] = {  # noqa: F405
    **DATABASES["default"],  # noqa: F405
    **DATABASES.get("replica", {}),  # noqa: F405
    "TEST": {"MIRROR": "default"},
}
DATABASE_ROUTERS = []
