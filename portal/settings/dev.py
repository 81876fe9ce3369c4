"""Local development: the embedded default with debugging on."""

from portal.settings.base import *  # noqa: F403
from portal.settings.base import env

DEBUG = env.bool("DEBUG", default=True)

# Benchmarks and their commands (`make bench`): development and tests only.
INSTALLED_APPS = [*INSTALLED_APPS, "bench"]  # noqa: F405
