"""Local development: the embedded default with debugging on."""

from portal.settings.base import *  # noqa: F403
from portal.settings.base import env

DEBUG = env.bool("DEBUG", default=True)

# Benchmarks and their commands (`make bench`): development and tests only.
INSTALLED_APPS = [*INSTALLED_APPS, "bench"]  # noqa: F405

# `make run`: a visitor can try "Demander un contact" on a demo team; the mail is
# printed on the console, never sent (only with the console backend).
CONTACT_DEMO_RECIPIENTS = env.bool(
    "CONTACT_DEMO_RECIPIENTS",
    default=EMAIL_BACKEND == "django.core.mail.backends.console.EmailBackend",  # noqa: F405
)
