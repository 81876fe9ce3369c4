"""gunicorn's settings for the portal, from the environment: `gunicorn portal.wsgi`
reads this file from the working directory (or `-c gunicorn.conf.py`).

One machine's figures and how to grow past it: docs/scaling.md.
"""

import gc
import multiprocessing
import os

# Processes per machine: requests are mostly CPU-bound Django, so about
# two per core; more only queue on the same cores and the database's connections.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2))
# Threads per worker: while one waits on PostgreSQL, Redis or Elasticsearch, another
# runs; and keep-alive connections from the balancer are kept (sync workers close
# each one). GUNICORN_WORKER_CLASS=sync for one request per process.
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "gthread")
threads = int(os.environ.get("GUNICORN_THREADS", 2))
# Idle keep-alive connections are kept longer than a client or balancer waits
# between two requests (a balancer's idle timeout is often 60 s): closing first
# races with the client's next request, which then fails (connection reset).
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", 75))
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
# Restart a worker after this many requests (with jitter, not all at once): bounds
# the memory a long-lived process may gather.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 10000))
max_requests_jitter = max_requests // 10
# The application is imported once in the master and shared by the workers
# (copy-on-write): each starts warm instead of importing Django on its first request.
preload_app = os.environ.get("GUNICORN_PRELOAD", "true").lower() != "false"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None


def when_ready(server):
    if preload_app:
        # Before the fork (the app is loaded): what every worker's first request
        # built lazily, 0.3 s of CPU each (portal/core/warm_up.py).
        from portal.core.warm_up import warm_up_process

        warm_up_process()
    # What was imported before the fork never changes: keep it out of the cyclic
    # collector, so collections in the workers stay short and pages stay shared.
    gc.freeze()
