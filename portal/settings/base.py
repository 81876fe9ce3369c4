"""Settings shared by every environment, each declared once and read from the environment.

Unset variables give the embedded default (SQLite, eager Celery, database search,
console e-mail) so the portal runs on a bare machine; production sets them all.
The sections follow the portal's concerns: the framework first (hosts, apps,
middleware, templates, database, cache, Celery), then each feature's own knobs.
"""

from pathlib import Path

import environ
from celery.schedules import crontab
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()

# --- Security and hosts ----------------------------------------------------------
# A development key only: production.py refuses to start without SECRET_KEY.
SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key-change-me")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"]
)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# A refused CSRF check answers like every other error: JSON under /api/, DSFR page.
CSRF_FAILURE_VIEW = "portal.core.error_views.csrf_failure"
ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

# --- Apps ------------------------------------------------------------------------
# The order matters: an app's templates override those of the apps after it.
INSTALLED_APPS = [
    # The foundation (imports no app): its shared template partials, core/includes/.
    "portal.core",
    "portal",
    "registry",
    "projects",
    "projects.dashboard",
    "projects.evaluations",
    "search",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "dsfr",
    "widget_tweaks",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    # Public API and open data: token authentication for programs (its table comes
    # with its own migration), CORS for cross-site reads, Swagger UI and Redoc from
    # our own static files.
    "rest_framework.authtoken",
    "corsheaders",
    "drf_spectacular_sidecar",
    "portal.opendata",
    # Accounts before allauth, so our DSFR templates override allauth's.
    "portal.accounts",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    # Alerts (saved searches, follows, digests) and error reports.
    "search.alerts",
    "portal.feedback",
    # « Mes projets » at /espace/projets/; after wagtail.admin, whose e-mail
    # notifiers it re-connects (see projects/contribution/signals.py).
    "projects.contribution",
    # Calls for collaboration and contact requests.
    "projects.collaboration",
    "portal.audit",
    "projects.imports",
    # « Mes données de santé » at /mes-donnees/ (issue 18).
    "projects.mydata",
]

# --- Middleware ------------------------------------------------------------------
MIDDLEWARE = [
    # CorsMiddleware must run before anything that may answer (CommonMiddleware).
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy with a nonce per request (see below).
    "portal.core.csp.PathAwareCSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Attributes each request's changes to its user, so after authentication.
    "portal.audit.middleware.AuditMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "allauth.account.middleware.AccountMiddleware",
]

# --- Templates and public pages --------------------------------------------------
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "portal" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]
# Self-hosted DSFR assets are served from our own static files.
DSFR_USE_INTEGRITY_CHECKSUMS = True
# Rows per page of the public lists (organisations, projects, calls).
PUBLIC_PAGE_SIZE = 20

# --- Database --------------------------------------------------------------------
# Embedded default: a SQLite file in the project folder.
DATABASES = {
    "default": {
        **env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        "CONN_MAX_AGE": env.int("CONN_MAX_AGE", default=0),
    }
}
# SQLite: write-ahead log, so pages read while an import writes (no "database is
# locked"); writers take the lock at BEGIN (IMMEDIATE) and wait up to `timeout`
# seconds for each other instead of failing at once.
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
    "transaction_mode": "IMMEDIATE",
    "timeout": env.int("SQLITE_BUSY_TIMEOUT_SECONDS", default=20),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(SQLITE_OPTIONS)
# A streaming replica of the primary (PostgreSQL), for the reads of visitors' GET
# requests (portal/core/db_router.py: what goes there and why); absent, every query
# goes to the primary. Migrations never run there.
if env("DATABASE_REPLICA_URL", default=""):
    DATABASES["replica"] = {
        **env.db("DATABASE_REPLICA_URL"),
        "CONN_MAX_AGE": env.int("CONN_MAX_AGE", default=0),
        "TEST": {"MIRROR": "default"},
    }
DATABASE_ROUTERS = (
    ["portal.core.db_router.PrimaryReplicaRouter"] if "replica" in DATABASES else []
)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache -----------------------------------------------------------------------
REDIS_URL = env("REDIS_URL", default="")
# Fails open (portal/core/cache.py): with Redis away the portal runs uncached and its
# throttles allow; the login lockout keeps counting in each process's memory.
CACHES = {
    "default": (
        {
            "BACKEND": "portal.core.cache.FailOpenRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {
                "socket_connect_timeout": env.float(
                    "CACHE_CONNECT_TIMEOUT_SECONDS", default=0.5
                ),
                "socket_timeout": env.float("CACHE_TIMEOUT_SECONDS", default=2.0),
                "CIRCUIT_OPEN_SECONDS": env.float(
                    "CACHE_CIRCUIT_SECONDS", default=10.0
                ),
                "LOCAL_FALLBACK_PREFIXES": ["allauth:rl:"],
            },
        }
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}
# The health page's probes (/sante/, portal/health.py): each answers within this.
HEALTH_PROBE_TIMEOUT_SECONDS = env.float("HEALTH_PROBE_TIMEOUT_SECONDS", default=1.0)

# --- Celery and the beat schedule ------------------------------------------------
# With no broker configured, tasks run eagerly in the calling process.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default=REDIS_URL or "memory://")
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", default=REDIS_URL or None)
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=not REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
# Worker processes per machine (Celery's default: one per core); see docs/scaling.md.
CELERY_WORKER_CONCURRENCY = env.int("CELERY_WORKER_CONCURRENCY", default=None)
CELERY_TASK_DEFAULT_QUEUE = "portal"
CELERY_TIMEZONE = "Europe/Paris"
# Every queued task is written to the task outbox with the change (portal/core/queue.py)
# and re-sent until the broker takes it. A failed publish skips the broker this long;
# the resend leaves younger rows to their own commit-time publish.
BROKER_CIRCUIT_SECONDS = env.float("BROKER_CIRCUIT_SECONDS", default=10.0)
TASK_OUTBOX_RESEND_AFTER_SECONDS = env.int(
    "TASK_OUTBOX_RESEND_AFTER_SECONDS", default=60
)
CELERY_BEAT_SCHEDULE = {
    # Tasks whose publication failed (broker down at commit) are sent again.
    "task-outbox-resend": {
        "task": "portal.core.tasks.task_outbox_resend_task",
        "schedule": 60.0,
    },
    # A safety net for changes whose drain request was lost (broker down at commit).
    "search-outbox-drain": {
        "task": "search.tasks.search_outbox_drain_task",
        "schedule": 60.0,
    },
    # The same for the matching tables' marks (search/matching/refresh.py).
    "matching-tables-refresh": {
        "task": "search.matching.tasks.matching_tables_refresh_task",
        "schedule": 60.0,
    },
    # On the 1st at 00:30 (Europe/Paris): the indicators of the month just ended.
    "indicator-snapshot-monthly": {
        "task": "projects.dashboard.tasks.indicator_snapshot_take",
        "schedule": crontab(minute=30, hour=0, day_of_month=1),
    },
    # Every morning at 07:00 (Europe/Paris); weekly saved searches on their weekday.
    "alerts-digest-daily": {
        "task": "search.alerts.tasks.alerts_digest_send",
        "schedule": crontab(minute=0, hour=7),
    },
}

# --- Search ----------------------------------------------------------------------
# Elasticsearch when configured, otherwise the database fallback.
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL", default="")
# Indexes and aliases are named "<prefix>-<type>": tests and benchmarks use their own.
SEARCH_INDEX_PREFIX = env("SEARCH_INDEX_PREFIX", default="registre")
SEARCH_TIMEOUT_SECONDS = env.float("SEARCH_TIMEOUT_SECONDS", default=5.0)
SEARCH_REPLICAS = env.int("SEARCH_REPLICAS", default=0)
# Primary shards per index, fixed when an index is built (`search_index rebuild`
# builds a new one): 1 holds the registry at 100,000 projects; more only spread an
# index over the nodes of a cluster (docs/scaling.md).
SEARCH_SHARDS = env.int("SEARCH_SHARDS", default=1)
# Rows per bulk request and per outbox batch: large enough to amortise the round
# trip, small enough that one batch of project documents stays a few MB.
SEARCH_BATCH_SIZE = env.int("SEARCH_BATCH_SIZE", default=500)
# One bulk request holds at most this many bytes and actions (search/bulk.py): a node
# refuses requests beyond its indexing pressure (10% of its heap, 51 MB at 512 MB)
# with a 429; 10 MB stays well below, with SEARCH_BULK_THREADS requests in flight.
SEARCH_BULK_MAX_BYTES = env.int("SEARCH_BULK_MAX_BYTES", default=10 * 1024 * 1024)
SEARCH_BULK_MAX_ACTIONS = env.int("SEARCH_BULK_MAX_ACTIONS", default=2000)
SEARCH_BULK_THREADS = env.int("SEARCH_BULK_THREADS", default=2)
SEARCH_BULK_TIMEOUT_SECONDS = env.float("SEARCH_BULK_TIMEOUT_SECONDS", default=120.0)
# A team document carries the matching profile of its latest public projects, at most
# this many (a bounded document), and at most this many names (members, tutelles).
SEARCH_TEAM_PROFILE_MAX_PROJECTS = env.int(
    "SEARCH_TEAM_PROFILE_MAX_PROJECTS", default=40
)
SEARCH_DOCUMENT_MAX_NAMES = env.int("SEARCH_DOCUMENT_MAX_NAMES", default=200)
SEARCH_PAGE_SIZE = 20
# How often a process checks whether its facet labels are stale (search/facet_labels).
SEARCH_LABELS_RECHECK_SECONDS = env.float("SEARCH_LABELS_RECHECK_SECONDS", default=30)
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# --- Team matching ---------------------------------------------------------------
# search/matching/match.py: one weight per signal, each signal in 0–1 ("redundancy"
# is negative: the team is what the requester already has); the score shown is the
# weighted sum over the positive weights. Tuned by `make bench-matching` on half of
# the demo projects and reported on the other half (bench/matching.py).
MATCHING_WEIGHTS = {
    "need": 3.0,
    "text": 1.5,
    "redundancy": 1.0,
    "dataset": 1.5,
    "network": 0.5,
    # The team worked with the requester's lead (a project's lead team, or the
    # team asked from) on a public project: consortia re-apply together.
    "lead_collaborator": 0.3,
    "recency": 0.3,
    "cross_institute": 0.2,
    "preferred_institute": 1.0,
    # The team has an open call for what the requester offers (projects/collaboration).
    "open_call": 1.0,
    # The team took projects as far as a published INESIA evaluation.
    "evaluation": 0.2,
}
# Score taken off a team per already-listed team of the same institute (diversity).
MATCHING_DIVERSITY_PENALTY = 0.03
# Longest text a match request accepts (an abstract or a call: ~15,000 words).
MATCHING_TEXT_MAX_WORDS = 15000
# The team page's similar/complementary teams are cached per data version; the
# timeout bounds what the version cannot see (a team's tutelles).
MATCHING_CACHE_TIMEOUT = env.int("MATCHING_CACHE_TIMEOUT", default=60 * 60)
# Whether a match request applies the matching tables' pending marks itself (a few
# at most), rather than leaving them to the worker: where no worker runs (tasks
# run eagerly: development, tests). With a worker, a request never pays a refresh.
MATCHING_REQUEST_APPLIES_MARKS = env.bool(
    "MATCHING_REQUEST_APPLIES_MARKS", default=CELERY_TASK_ALWAYS_EAGER
)

# --- Static files and media ------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# --- Public API and open data ----------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    ],
    "DEFAULT_THROTTLE_CLASSES": [
        "portal.core.api.defaults.AnonymousThrottle",
        "portal.core.api.defaults.AuthenticatedThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env("API_THROTTLE_ANON", default="120/minute"),
        "user": env("API_THROTTLE_USER", default="600/minute"),
    },
    "EXCEPTION_HANDLER": "portal.core.api.core.exception_handler",
    # JSON nested past a few dozen levels is refused with 400 (RecursionError
    # otherwise); forms as DRF's defaults.
    "DEFAULT_PARSER_CLASSES": [
        "portal.core.json_input.DepthLimitedJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_PAGINATION_CLASS": "portal.core.api.defaults.RegistryCursorPagination",
    "PAGE_SIZE": 20,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Registre national de l'IA en santé — API",
    "VERSION": "1.0.0",
    "PREPROCESSING_HOOKS": ["portal.api_schema.public_api_endpoints"],
    "DESCRIPTION": (
        "Public, read-only registry data (organisations, teams, people, datasets, "
        "projects, evaluations, taxonomies) and project drafts for members. "
        'Errors: {"errors": [{"field": ..., "code": ..., "message": ...}]}.'
    ),
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # No deep links: each would be a link inside an operation's button (axe
    # nested-interactive, issue 16).
    "SWAGGER_UI_SETTINGS": {"deepLinking": False},
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "ProjectStatusEnum": "projects.models.Project.Status",
        "EvaluationStatusEnum": "registry.models.Evaluation.Status",
    },
}
# Anonymous list pages of the API are cached while the data version is unchanged
# (portal/core/api/page_cache.py); this bounds what the version misses (a related
# row edited in place).
API_LIST_CACHE_SECONDS = env.int("API_LIST_CACHE_SECONDS", default=120)
# Write payloads above this size are refused whole (400, code payload_too_large).
API_MAX_PAYLOAD_BYTES = env.int("API_MAX_PAYLOAD_BYTES", default=64 * 1024)
# CORS: any origin may read the API and the open-data files; nothing else crosses.
CORS_ALLOW_ALL_ORIGINS = True
CORS_URLS_REGEX = r"^/(api|donnees|en/donnees|flux|en/flux)/.*$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False
# Files written by `manage.py export_registry`, listed on /donnees/.
OPEN_DATA_EXPORT_DIR = Path(
    env("OPEN_DATA_EXPORT_DIR", default=str(Path(MEDIA_ROOT) / "exports"))
)

# --- Accounts, roles and two-factor ----------------------------------------------
# django-allauth: e-mail login, mandatory confirmation, password reset, rate limits
# kept in the cache above (Redis in production), optional TOTP.
AUTHENTICATION_BACKENDS = [
    # Permissions and the test client's login(); allauth's backend logs in by e-mail.
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:home"
ACCOUNT_ADAPTER = "portal.accounts.adapters.PortalAccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Registre IA santé] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = env("ACCOUNT_DEFAULT_HTTP_PROTOCOL", default="https")
# Brute force: failed logins per IP and per e-mail address; the window must pass
# before even the right password is accepted again.
ACCOUNT_RATE_LIMITS = {
    "login_failed": env("ACCOUNT_RATE_LIMIT_LOGIN_FAILED", default="10/m/ip,5/5m/key"),
    "login": env("ACCOUNT_RATE_LIMIT_LOGIN", default="30/m/ip"),
    "signup": env("ACCOUNT_RATE_LIMIT_SIGNUP", default="20/m/ip"),
    "reset_password": env(
        "ACCOUNT_RATE_LIMIT_RESET_PASSWORD", default="20/m/ip,5/m/key"
    ),
}
# Reverse proxies in front of gunicorn: how many of them append to X-Forwarded-For.
# Every limit reads the client address through portal.core.client_ip, which
# believes only that many entries (0: the header is ignored, REMOTE_ADDR counts).
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Registre IA santé"

# --- Alerts and error reports ----------------------------------------------------
ALERTS_WEEKLY_WEEKDAY = env.int("ALERTS_WEEKLY_WEEKDAY", default=0)  # 0 = Monday
# A digest period stops this long before the run, so a publication still being
# committed is reported next time rather than passed over.
ALERTS_SETTLE_SECONDS = env.int("ALERTS_SETTLE_SECONDS", default=120)
# Publications the index has not taken in yet hold the period back, at most this long.
ALERTS_INDEX_WAIT_HOURS = env.int("ALERTS_INDEX_WAIT_HOURS", default=24)
# Hits fetched per search request when matching a saved search (500 ids is a small
# response); a broad search stops after ALERTS_SEARCH_MAX_PAGES pages.
ALERTS_SEARCH_PAGE_SIZE = env.int("ALERTS_SEARCH_PAGE_SIZE", default=500)
ALERTS_SEARCH_MAX_PAGES = env.int("ALERTS_SEARCH_MAX_PAGES", default=200)
ALERTS_MAX_SAVED_SEARCHES = env.int("ALERTS_MAX_SAVED_SEARCHES", default=50)
# Longer than any run: a crashed run's lock expires by itself.
ALERTS_LOCK_SECONDS = env.int("ALERTS_LOCK_SECONDS", default=60 * 60)
# "Signaler une erreur": reports accepted per IP address and hour.
FEEDBACK_REPORTS_PER_HOUR = env.int("FEEDBACK_REPORTS_PER_HOUR", default=5)

# --- Contribution and collaboration ----------------------------------------------
# Contact requests a user may send in 24 hours (counted from the stored rows).
COLLABORATION_CONTACTS_PER_DAY = env.int("COLLABORATION_CONTACTS_PER_DAY", default=5)
# Longest message, and the shortest that says something.
COLLABORATION_MESSAGE_MAX_CHARS = 5000
COLLABORATION_MESSAGE_MIN_CHARS = 30
# "Demander un contact" to a fictional (demo) team: only where mail goes nowhere real
# (portal/settings/dev.py turns it on with the console backend, for `make run`).
CONTACT_DEMO_RECIPIENTS = env.bool("CONTACT_DEMO_RECIPIENTS", default=False)

# --- Bulk imports ----------------------------------------------------------------
# Largest file the admin upload page accepts (the ANR partners file is ~80 KB).
IMPORT_MAX_UPLOAD_BYTES = env.int("IMPORT_MAX_UPLOAD_BYTES", default=10 * 1024 * 1024)

# --- Policymakers' dashboard -----------------------------------------------------
# Backstop of the dashboard's cache, whose key already follows the data's changes.
DASHBOARD_CACHE_TIMEOUT = env.int("DASHBOARD_CACHE_TIMEOUT", default=60 * 60)

# --- E-mail ----------------------------------------------------------------------
# django-environ's documented way: EMAIL_URL gives EMAIL_BACKEND, EMAIL_HOST and
# the other keys its scheme needs, each becoming a setting of its own.
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env(
    "DEFAULT_FROM_EMAIL",
    default="Registre IA santé <ne-pas-repondre@registre-ia-sante.fr>",
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Languages and time ----------------------------------------------------------
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("Français")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "portal" / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

# --- Wagtail ---------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Registre national de l'IA en santé"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "docx",
    "key",
    "odt",
    "pdf",
    "pptx",
    "rtf",
    "txt",
    "xlsx",
    "zip",
]
# Always through the /documents/ view, whatever the storage: it checks that a public
# record uses the document (portal/core/documents.py). Never serve MEDIA_ROOT/documents
# straight from the web server.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAIL_WORKFLOW_ENABLED = True
# Wagtail's own login and password reset would skip allauth's throttle: send both there
# (through admin_login, which answers 403 to a signed-in account without admin access).
WAGTAILADMIN_LOGIN_URL = "admin_login"
WAGTAIL_PASSWORD_RESET_ENABLED = False
# No Gravatar in the admin: no request to a third party with a hash of staff e-mails.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# --- Content-Security-Policy (django-csp) ------------------------------------------
# Our scripts are static files ('self'); an inline one must carry the request's
# nonce (`nonce="{{ request.csp_nonce }}"`). No 'unsafe-inline' for scripts outside
# the Wagtail admin (see CSP_PATH_DIRECTIVES).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        # data: for the DSFR's inline SVG icons and the two-factor QR code.
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# On these paths only (portal/core/csp.py), these directives replace the ones above:
_INLINE_STYLES = [SELF, UNSAFE_INLINE]
CSP_PATH_DIRECTIVES = {
    # Swagger UI and ReDoc set inline styles from their scripts (React style props,
    # styled-components); their scripts stay ours ('self', the nonce for ReDoc's).
    "/api/docs/": {"style-src": _INLINE_STYLES},
    "/api/redoc/": {"style-src": _INLINE_STYLES, "worker-src": [SELF, "blob:"]},
    # Wagtail 8's admin still writes inline scripts and styles (widget start-up
    # scripts, panels that jQuery evaluates, Draftail): wagtail/wagtail#1288. It is
    # for signed-in staff only; every other directive still applies there.
    "/admin/": {
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": _INLINE_STYLES,
        "img-src": [SELF, "data:", "blob:"],
    },
}

# --- Logging ---------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        # Wagtail's background tasks log every run at INFO: too chatty for commands.
        "django_tasks": {"level": "WARNING"},
        # One INFO line per HTTP request to Elasticsearch otherwise.
        "elastic_transport": {"level": "WARNING"},
    },
}
