"""Settings shared by every environment, each read once from the environment.

Unset variables give the embedded default (SQLite, eager Celery, database search,
console e-mail) so the portal runs on a bare machine; production sets them all.
"""

from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()

# A development key only: production.py refuses to start without SECRET_KEY.
SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key-change-me")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"]
)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "portal",
    "registry",
    "projects",
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
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"

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

WSGI_APPLICATION = "portal.wsgi.application"

# Embedded default: a SQLite file in the project folder.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Celery: with no broker configured, tasks run eagerly in the calling process.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default=REDIS_URL or "memory://")
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", default=REDIS_URL or None)
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=not REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_DEFAULT_QUEUE = "portal"
CELERY_TIMEZONE = "Europe/Paris"
# Periodic work; apps add their entries below. The outbox drain is a safety net for
# changes whose drain request was lost (broker down at commit time).
CELERY_BEAT_SCHEDULE = {
    "search-outbox-drain": {
        "task": "search.tasks.search_outbox_drain_task",
        "schedule": 60.0,
    },
}

# Search: Elasticsearch when configured, otherwise the database fallback.
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL", default="")
# Indexes and aliases are named "<prefix>-<type>": tests and benchmarks use their own.
SEARCH_INDEX_PREFIX = env("SEARCH_INDEX_PREFIX", default="registre")
SEARCH_TIMEOUT_SECONDS = env.float("SEARCH_TIMEOUT_SECONDS", default=5.0)
SEARCH_REPLICAS = env.int("SEARCH_REPLICAS", default=0)
# Rows per bulk request and per outbox batch: large enough to amortise the round
# trip, small enough that one batch of project documents stays a few MB.
SEARCH_BATCH_SIZE = env.int("SEARCH_BATCH_SIZE", default=500)
SEARCH_PAGE_SIZE = 20
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# Team matching (search/matching.py): one weight per signal, each signal in 0–1; the
# score shown is the weighted mean. Chosen among a handful of variants on
# `make bench-matching` (the demo data: tuned and measured on the same set).
MATCHING_WEIGHTS = {
    "text": 1.5,
    "coverage": 2.0,
    "complementarity": 1.0,
    "dataset": 1.5,
    "network": 1.0,
    "recency": 0.5,
    "cross_institute": 0.3,
    "preferred_institute": 1.0,
}
# Score taken off a team per already-listed team of the same institute (diversity).
MATCHING_DIVERSITY_PENALTY = 0.03
# Longest text a match request accepts (an abstract or a call: ~15,000 words).
MATCHING_TEXT_MAX_WORDS = 15000

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env(
    "DEFAULT_FROM_EMAIL",
    default="Registre IA santé <ne-pas-repondre@registre-ia-sante.fr>",
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

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

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("Français")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "portal" / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

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
WAGTAIL_WORKFLOW_ENABLED = True

# Self-hosted DSFR assets are served from our own static files.
DSFR_USE_INTEGRITY_CHECKSUMS = True

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Registre national de l'IA en santé — API",
    "VERSION": "1.0.0",
    "PREPROCESSING_HOOKS": ["portal.api_schema.public_api_endpoints"],
}

PUBLIC_PAGE_SIZE = 20

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    # Wagtail's background tasks log every run at INFO: too chatty for commands.
    "loggers": {
        "django_tasks": {"level": "WARNING"},
        # One INFO line per HTTP request to Elasticsearch otherwise.
        "elastic_transport": {"level": "WARNING"},
    },
}

# --- Public API v1 and open data (issue 5) -----------------------------------
# Token authentication for programs (its table comes with its own migration),
# CORS for cross-site reads, Swagger UI and Redoc from our own static files.
INSTALLED_APPS += [  # noqa: F405
    "rest_framework.authtoken",
    "corsheaders",
    "drf_spectacular_sidecar",
    "portal.opendata",
]
# CorsMiddleware must run before anything that may answer (CommonMiddleware).
MIDDLEWARE.insert(0, "corsheaders.middleware.CorsMiddleware")

REST_FRAMEWORK.update(
    {
        "DEFAULT_AUTHENTICATION_CLASSES": [
            "rest_framework.authentication.SessionAuthentication",
            "rest_framework.authentication.TokenAuthentication",
        ],
        "DEFAULT_THROTTLE_CLASSES": [
            "portal.api_framework.defaults.AnonymousThrottle",
            "portal.api_framework.defaults.AuthenticatedThrottle",
        ],
        "DEFAULT_THROTTLE_RATES": {
            "anon": env("API_THROTTLE_ANON", default="120/minute"),
            "user": env("API_THROTTLE_USER", default="600/minute"),
        },
        "EXCEPTION_HANDLER": "portal.api_framework.core.exception_handler",
        "DEFAULT_PAGINATION_CLASS": "portal.api_framework.defaults.RegistryCursorPagination",
        "PAGE_SIZE": 20,
    }
)
# Write payloads above this size are refused whole (400, code payload_too_large).
API_MAX_PAYLOAD_BYTES = env.int("API_MAX_PAYLOAD_BYTES", default=64 * 1024)

# CORS: any origin may read the API and the open-data files; nothing else crosses.
CORS_ALLOW_ALL_ORIGINS = True
CORS_URLS_REGEX = r"^/(api|donnees|en/donnees|flux|en/flux)/.*$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False

SPECTACULAR_SETTINGS.update(
    {
        "DESCRIPTION": (
            "Public, read-only registry data (organisations, teams, people, datasets, "
            "projects, evaluations, taxonomies) and project drafts for members. "
            'Errors: {"errors": [{"field": ..., "code": ..., "message": ...}]}.'
        ),
        "SWAGGER_UI_DIST": "SIDECAR",
        "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
        "REDOC_DIST": "SIDECAR",
        "SERVE_INCLUDE_SCHEMA": False,
        "COMPONENT_SPLIT_REQUEST": True,
        "ENUM_NAME_OVERRIDES": {
            "ProjectStatusEnum": "projects.models.Project.Status",
            "EvaluationStatusEnum": "registry.models.Evaluation.Status",
        },
    }
)

# Files written by `manage.py export_registry`, listed on /donnees/.
OPEN_DATA_EXPORT_DIR = Path(
    env("OPEN_DATA_EXPORT_DIR", default=str(Path(MEDIA_ROOT) / "exports"))
)

# --- Policymakers' dashboard (issue 7) -----------------------------------------
from celery.schedules import crontab  # noqa: E402

# The snapshot task lives in projects/dashboard/tasks.py, which autodiscovery
# (one `tasks` module per app) does not reach.
CELERY_IMPORTS = [*globals().get("CELERY_IMPORTS", []), "projects.dashboard.tasks"]
CELERY_BEAT_SCHEDULE = {
    **globals().get("CELERY_BEAT_SCHEDULE", {}),
    # On the 1st at 00:30 (Europe/Paris): the indicators of the month just ended.
    "indicator-snapshot-monthly": {
        "task": "projects.dashboard.tasks.indicator_snapshot_take",
        "schedule": crontab(minute=30, hour=0, day_of_month=1),
    },
}
# Backstop of the dashboard's cache, whose key already follows the data's changes.
DASHBOARD_CACHE_TIMEOUT = env.int("DASHBOARD_CACHE_TIMEOUT", default=60 * 60)

# --- Bulk imports (issue 6, part 4) ---------------------------------------------
INSTALLED_APPS += ["registry.imports"]  # noqa: F405
# Largest file the admin upload page accepts (the ANR partners file is ~80 KB).
IMPORT_MAX_UPLOAD_BYTES = env.int("IMPORT_MAX_UPLOAD_BYTES", default=10 * 1024 * 1024)
