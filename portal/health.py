"""GET /sante/: the state of each service the portal depends on, as JSON.

For monitoring and load balancers. Answers 200 while the database answers (the
portal then serves pages, degraded or not) and 503 only when it does not. Each
probe runs in its own thread under one deadline, so a service that hangs shows as
"down" instead of holding the request; no probe failure can make this view fail.
Error details stay in the logs: the page names the exception type only.
"""

import logging
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FuturesTimeout

from django.conf import settings
from django.core.cache import caches
from django.db import connection, connections
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)

OK, DEGRADED, DOWN = "ok", "degraded", "down"
# Queued work older than this means nothing is draining it (beat or worker away).
OUTBOX_STALE_SECONDS = 5 * 60


def _database() -> dict:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return {"status": OK, "vendor": connection.vendor}
    finally:
        connections.close_all()  # this thread's own connection


def _cache() -> dict:
    cache = caches["default"]
    ping = getattr(cache, "ping", None)
    if ping is None:  # local memory: in the process, always there
        return {"status": OK, "backend": "local-memory"}
    return {"status": OK if ping() else DOWN, "backend": "redis"}


def _broker() -> dict:
    from portal.celery import app
    from portal.core.queue import FAIL_FAST_TRANSPORT_OPTIONS

    if app.conf.task_always_eager:
        return {"status": OK, "mode": "eager"}
    options = {
        **FAIL_FAST_TRANSPORT_OPTIONS,
        "socket_connect_timeout": settings.HEALTH_PROBE_TIMEOUT_SECONDS,
    }
    with app.connection_for_write(transport_options=options) as broker:
        broker.ensure_connection(max_retries=0)  # connect() would retry once, 2 s later
    return {"status": OK, "mode": "worker"}


def _search() -> dict:
    from search.client import es_client

    client = es_client()
    if client is None:
        return {"status": OK, "engine": "database"}
    timeout = settings.HEALTH_PROBE_TIMEOUT_SECONDS
    health = client.options(request_timeout=timeout).cluster.health()
    status = OK if health["status"] in ("green", "yellow") else DEGRADED
    return {"status": status, "engine": "elasticsearch", "cluster": health["status"]}


def _outbox() -> dict:
    from portal.core.models import TaskOutbox
    from search.models import SearchOutbox

    try:
        tasks = Counter(TaskOutbox.objects.values_list("task_name", flat=True))
        oldest = (
            TaskOutbox.objects.order_by("created_at")
            .values_list("created_at", flat=True)
            .first()
        )
        search_oldest = (
            SearchOutbox.objects.order_by("dirtied_at")
            .values_list("dirtied_at", flat=True)
            .first()
        )
        ages = [
            (timezone.now() - moment).total_seconds()
            for moment in (oldest, search_oldest)
            if moment is not None
        ]
        oldest_seconds = round(max(ages), 1) if ages else 0
        return {
            "status": DEGRADED if oldest_seconds > OUTBOX_STALE_SECONDS else OK,
            "tasks_pending": sum(tasks.values()),
            "tasks_by_name": dict(sorted(tasks.items())),
            "search_pending": SearchOutbox.objects.count(),
            "oldest_seconds": oldest_seconds,
        }
    finally:
        connections.close_all()


PROBES = {
    "database": _database,
    "cache": _cache,
    "broker": _broker,
    "search": _search,
    "outbox": _outbox,
}


def _timed(probe) -> dict:
    started = time.monotonic()
    try:
        result = probe()
    except Exception as error:  # noqa: BLE001 — a failing probe is a finding
        logger.warning("health probe %s failed: %r", probe.__name__, error)
        result = {"status": DOWN, "error": type(error).__name__}
    result["ms"] = round((time.monotonic() - started) * 1000, 1)
    return result


def health_report() -> tuple[str, dict]:
    """Every probe, in parallel, within one deadline; (overall status, checks)."""
    deadline = settings.HEALTH_PROBE_TIMEOUT_SECONDS + 0.5
    executor = ThreadPoolExecutor(max_workers=len(PROBES), thread_name_prefix="sante")
    futures = {name: executor.submit(_timed, probe) for name, probe in PROBES.items()}
    checks = {}
    end = time.monotonic() + deadline
    for name, future in futures.items():
        try:
            checks[name] = future.result(timeout=max(0.0, end - time.monotonic()))
        except FuturesTimeout:
            checks[name] = {"status": DOWN, "error": "timeout"}
    executor.shutdown(wait=False, cancel_futures=True)
    if checks["database"]["status"] != OK:
        overall = DOWN
    elif any(check["status"] != OK for check in checks.values()):
        overall = DEGRADED
    else:
        overall = OK
    return overall, checks


@never_cache
@require_GET
def health(request):
    try:
        overall, checks = health_report()
    except Exception as error:  # noqa: BLE001 — e.g. no thread could start
        logger.exception("health report failed")
        overall, checks = DOWN, {"error": type(error).__name__}
    return JsonResponse(
        {"status": overall, "checks": checks, "time": timezone.now().isoformat()},
        status=503 if overall == DOWN else 200,
    )
