"""What a web process builds on its first request, built once before gunicorn forks.

Django loads the URLconf (and through it every view module), compiles the URL
patterns, fills the reverse lookups and reads the translation catalogues lazily,
on a process's first request: 0.3 s of CPU (1 s and more on a loaded machine) that
each worker paid again, so the first requests after a start or a worker's
recycling (`max_requests`) queued behind it and timed out under load. Built in the
master (gunicorn.conf.py, with `preload_app`), it is shared by every worker
(copy-on-write, kept out of the cyclic collector by `gc.freeze()`).

Nothing here opens a connection: a database or a cache opened before the fork
would be shared by the workers.
"""

import logging

from django.conf import settings
from django.urls import get_resolver, resolve
from django.urls.exceptions import Resolver404
from django.utils import translation
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

# Paths whose resolution compiles the patterns on their way (the API's, the
# public pages'); the rest are compiled as first met.
WARM_PATHS = ("/", "/api/v1/", "/api/v1/projects/", "/projets/")


def warm_up_process() -> None:
    """Import the URLconf and the cache's client library, and build, in every
    language, the URL resolver's lookups and the translation catalogues. Never
    fails the start: a warm-up that fails leaves the work to the first request."""
    try:
        for cache in settings.CACHES.values():  # the client library, not a connection
            import_string(cache["BACKEND"])
        resolver = get_resolver()
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                resolver.reverse_dict  # noqa: B018 (fills the reverse lookups)
                for path in WARM_PATHS:
                    try:
                        resolve(path)
                    except Resolver404:
                        pass
    except Exception:  # a broken URLconf shows on the first request, as before
        logger.exception("warm-up before the fork failed")
