import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")
application = get_wsgi_application()
# What start-up built lives as long as the process: out of the cyclic collector's
# reach, a full collection no longer walks it on some request (team matching at
# 100,000 projects: CPU p95 181 → 45 ms, bench/results/matching-latency-100000.md).
gc.freeze()
