"""Settings true in every environment. Environment-specific files import * from here."""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

INSTALLED_APPS = [
    # Before core: core's ready() replaces its publish handlers with core/purge.py's.
    "wagtail.contrib.frontend_cache",
    "core",
    "articles",
    "sources",
    "search",
    "distribution",
    "translation",
    "newsroom",
    "integrity",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "rest_framework",
    "modelcluster",
    "taggit",
    "django_filters",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # First: NUL/control bytes in a URL get a 400 before anything reads the path or the query.
    "core.middleware.RejectControlCharactersMiddleware",
    # The content generation (what cached fragments are keyed on) is read once per request.
    "core.fragment_cache.GenerationScopeMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # ETag + If-None-Match -> 304 over the final response; then Cache-Control for every
    # response (core/http_cache.py): outside the session and CSRF middleware to see their cookies.
    "django.middleware.http.ConditionalGetMiddleware",
    "core.http_cache.HttpCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # A publication refused by the gate (the originality guard) -> a message, not a 403.
    "integrity.middleware.PublicationRefusedMiddleware",
    "csp.middleware.CSPMiddleware",
]

ROOT_URLCONF = "newsdesk.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.site_header",
            ],
        },
    },
]

WSGI_APPLICATION = "newsdesk.wsgi.application"


def database_from_env(default_sqlite_path: Path) -> dict:
    """PostgreSQL (or any engine) from DATABASE_URL; SQLite in WAL mode when unset.

    WAL lets the web server read while the task worker writes, which is what makes
    the one-laptop deployment usable.
    """
    url = os.environ.get("DATABASE_URL", "").strip()
    if url:
        config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    else:
        config = {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(default_sqlite_path),
        }
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config.setdefault("OPTIONS", {}).update(
            {
                "init_command": (
                    "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL;PRAGMA busy_timeout=5000;"
                ),
                "transaction_mode": "IMMEDIATE",
            }
        )
    return config


DATABASES = {"default": database_from_env(BASE_DIR / "db.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Logins are throttled per client address and username (core/login_throttle.py).
AUTHENTICATION_BACKENDS = ["core.login_throttle.ThrottledModelBackend"]
NEWSDESK_LOGIN_MAX_FAILURES = int(os.environ.get("NEWSDESK_LOGIN_MAX_FAILURES", "5"))
NEWSDESK_LOGIN_LOCK_SECONDS = max(1, int(os.environ.get("NEWSDESK_LOGIN_LOCK_SECONDS", "900")))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: English and Russian, each under its own URL prefix.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("ru", _("Russian"))]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("NEWSDESK_TIME_ZONE", "Europe/London")
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATIC_ROOT = BASE_DIR / "var" / "static"
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("NEWSDESK_MEDIA_ROOT", BASE_DIR / "var" / "media"))
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Per-process cache without Redis. Django's default of 300 entries holds the cached fragments of
# only ~60 article pages (about five entries each), so a busy site would keep re-rendering them;
# 5,000 entries (~1,000 pages, tens of MB per process at most) suit a laptop or a small site.
# Larger sites set REDIS_URL: one shared cache, and invalidation reaches every worker at once.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "newsdesk",
        "OPTIONS": {
            "MAX_ENTRIES": int(os.environ.get("NEWSDESK_LOCAL_CACHE_ENTRIES", "5000")),
        },
    }
}


def redis_cache(url: str) -> dict:
    """The Redis cache for REDIS_URL (a function so that tests use exactly this configuration).

    Redis down must not take the site down: every cached value here can be recomputed, so
    django-redis ignores (and logs) connection errors and pages render uncached, and short
    socket timeouts keep a dead or unreachable server from holding each request for seconds.
    /readyz still reports the cache as failing (core/health.py).
    """
    timeout = float(os.environ.get("NEWSDESK_REDIS_TIMEOUT", "0.5"))
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "OPTIONS": {
            "CLIENT_CLASS": "django_redis.client.DefaultClient",
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": timeout,
            "SOCKET_TIMEOUT": timeout,
        },
        # Lets two sites (or a test stack next to `make stack`) share one Redis database.
        "KEY_PREFIX": os.environ.get("NEWSDESK_CACHE_KEY_PREFIX", ""),
    }


if os.environ.get("REDIS_URL"):
    CACHES["default"] = redis_cache(os.environ["REDIS_URL"])
# With a shared cache, each process also keeps this many cached page fragments itself
# (core/fragment_cache.py): their keys are versioned, so the copies are never stale.
NEWSDESK_FRAGMENT_LOCAL_ENTRIES = int(os.environ.get("NEWSDESK_FRAGMENT_LOCAL_ENTRIES", "2000"))
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
DJANGO_REDIS_LOGGER = "newsdesk.cache"

# Background work: the database queue by default; `manage.py run_worker` runs it. Feed polling
# has a queue of its own ("ingest") so a slow poll never delays publishing (docs/operations.md).
TASK_QUEUES = ["default", "ingest"]
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": TASK_QUEUES}}

WAGTAIL_SITE_NAME = "Newsdesk"
WAGTAILADMIN_BASE_URL = os.environ.get("NEWSDESK_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"jpeg": "webp", "png": "webp", "gif": "webp", "bmp": "webp"}
WAGTAILIMAGES_WEBP_QUALITY = 78
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "txt", "xlsx"]
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# Outbound HTTP (ingest). Hosts that may resolve to private/loopback addresses.
NEWSDESK_ALLOWED_FETCH_HOSTS = [
    h.strip() for h in os.environ.get("NEWSDESK_ALLOWED_FETCH_HOSTS", "").split(",") if h.strip()
]
# How the ingest client introduces itself to outlets: name the newsroom and a contact URL.
NEWSDESK_USER_AGENT = os.environ.get(
    "NEWSDESK_USER_AGENT", "NewsdeskBot/0.1 (+https://github.com/newsdesk; press review)"
)

# Reading speed in words per minute, per language (Russian words are longer).
NEWSDESK_READING_WPM = {"en": 230, "ru": 180}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Ignored Redis errors (DJANGO_REDIS_LOGGER) repeat on every cache call while Redis is down.
    "filters": {"once_per_30s": {"()": "core.log_throttle.OncePerInterval", "seconds": 30}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"newsdesk.cache": {"filters": ["once_per_30s"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
# How many articles "Don't Miss" shows under an article.
NEWSDESK_RELATED_COUNT = 4
# The corrections policy readers and publisher JSON-LD are pointed to (articles/corrections.py):
# a path or URL, "{language}" replaced by the reader's language. The default is the built-in
# policy page beside the corrections list.
NEWSDESK_CORRECTIONS_POLICY_URL = os.environ.get(
    "NEWSDESK_CORRECTIONS_POLICY_URL", "/{language}/corrections/policy/"
)
# Seconds a worker may serve cached derived page data after another worker's edit (per-process
# cache only; with Redis invalidation is immediate). See docs/architecture.md, "Caching".
NEWSDESK_FRAGMENT_TTL = int(os.environ.get("NEWSDESK_FRAGMENT_TTL", "300"))

# Feeds (distribution/conf.py): the whole body or only the dek, and how many items.
NEWSDESK_FEED_FULL_TEXT = os.environ.get("NEWSDESK_FEED_FULL_TEXT", "").lower() in {"1", "true"}
NEWSDESK_FEED_ITEMS = int(os.environ.get("NEWSDESK_FEED_ITEMS", "30"))

# HTTP caching of reader pages (core/http_cache.py): seconds a browser, a shared cache (Varnish,
# CDN), a shared cache while it revalidates, and a shared cache while the site is down may
# serve a stored page. Publishing purges the shared caches at once (core/purge.py), so s-maxage
# can be long; the browser's max-age is what a reader may see stale after an edit.
NEWSDESK_HTTP_MAX_AGE = int(os.environ.get("NEWSDESK_HTTP_MAX_AGE", "60"))
NEWSDESK_HTTP_S_MAXAGE = int(os.environ.get("NEWSDESK_HTTP_S_MAXAGE", "600"))
NEWSDESK_HTTP_STALE_WHILE_REVALIDATE = int(
    os.environ.get("NEWSDESK_HTTP_STALE_WHILE_REVALIDATE", "30")
)
NEWSDESK_HTTP_STALE_IF_ERROR = int(os.environ.get("NEWSDESK_HTTP_STALE_IF_ERROR", "86400"))
NEWSDESK_HTTP_CACHE_KEY_HEADER = "xkey"
# Front caches purged on publish (core/frontend_cache.py): Varnish, Cloudflare, CloudFront.
from core.frontend_cache_conf import backends_from_env  # noqa: E402

WAGTAILFRONTENDCACHE = backends_from_env(os.environ)
# Our purge sets name each language's URLs themselves; Wagtail's per-language URL rewriting
# would only multiply them.
WAGTAILFRONTENDCACHE_LANGUAGES: list[str] = []
NEWSDESK_PURGE_ATTEMPTS = int(os.environ.get("NEWSDESK_PURGE_ATTEMPTS", "5"))
NEWSDESK_PURGE_RETRY_BASE_SECONDS = float(os.environ.get("NEWSDESK_PURGE_RETRY_BASE_SECONDS", "2"))
# A published edit expires Varnish's copies instead of removing them (core/purge.py).
NEWSDESK_SOFT_PURGE_ON_PUBLISH = os.environ.get("NEWSDESK_SOFT_PURGE_ON_PUBLISH", "1") != "0"

# Machine translation (translation/conf.py): DeepL or LibreTranslate from the environment only;
# None means no machine option in the translation editor. Machine-filled segments must be
# reviewed before publishing unless NEWSDESK_ALLOW_UNREVIEWED_MACHINE_TRANSLATION is set.
from translation.conf import flag_from_env, machine_translator_from_env  # noqa: E402

WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator_from_env(os.environ)
NEWSDESK_ALLOW_UNREVIEWED_MACHINE_TRANSLATION = flag_from_env(
    os.environ, "NEWSDESK_ALLOW_UNREVIEWED_MACHINE_TRANSLATION"
)
# A new translation starts as a draft: a live English article must not make a live "Russian"
# page full of English fallback text the moment it is submitted for translation.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# Ingest: seconds between two requests to the same outlet host, and how often the worker polls.
# Originality guard (integrity app, docs/deployment.md "Originality guard"): publishing is refused
# when this share of an article's words is its sources' text outside attributed quotes, or this
# share with quotes; measured defaults (benchmarks/originality.py).
NEWSDESK_ORIGINALITY_THRESHOLD = float(os.environ.get("NEWSDESK_ORIGINALITY_THRESHOLD", "0.45"))
NEWSDESK_ORIGINALITY_THRESHOLD_WITH_QUOTES = float(
    os.environ.get("NEWSDESK_ORIGINALITY_THRESHOLD_WITH_QUOTES", "0.6")
)
NEWSDESK_ORIGINALITY_SENTENCE_SIMILARITY = float(
    os.environ.get("NEWSDESK_ORIGINALITY_SENTENCE_SIMILARITY", "0.62")
)
NEWSDESK_ORIGINALITY_MIN_PASSAGE_WORDS = int(
    os.environ.get("NEWSDESK_ORIGINALITY_MIN_PASSAGE_WORDS", "6")
)

NEWSDESK_FETCH_MIN_HOST_DELAY = float(os.environ.get("NEWSDESK_FETCH_MIN_HOST_DELAY", "1.0"))
NEWSDESK_INGEST_POLL_SECONDS = int(os.environ.get("NEWSDESK_INGEST_POLL_SECONDS", "120"))
# Sources of published articles are re-fetched this long after the page's first publication
# (sources/watch/): comma-separated delays in m/h/d/w; how often the scheduler looks for due
# ones, and at most how many it hands to check tasks at a time.
NEWSDESK_SOURCE_WATCH_SCHEDULE = os.environ.get("NEWSDESK_SOURCE_WATCH_SCHEDULE", "1h,6h,1d,7d,30d")
NEWSDESK_SOURCE_WATCH_POLL_SECONDS = int(
    os.environ.get("NEWSDESK_SOURCE_WATCH_POLL_SECONDS", "300")
)
NEWSDESK_SOURCE_WATCH_BATCH = int(os.environ.get("NEWSDESK_SOURCE_WATCH_BATCH", "200"))

# Newsroom desk (newsroom/inbox_search.py, newsroom/watches.py, sources/ingest/rules.py): inbox
# search results shown at most; how often the watch e-mail digest job runs (each watch's rhythm
# decides whether its owner is due); seconds one feed keep/block regular expression may run on one
# entry before it is abandoned (the `regex` module's timeout).
NEWSDESK_INBOX_SEARCH_LIMIT = int(os.environ.get("NEWSDESK_INBOX_SEARCH_LIMIT", "200"))
# Cosine similarity (search.semantic) from which a source in another language counts as being on
# the query's or a watch's subject: ~0.3-0.5 for the same event, below ~0.2 for unrelated ones.
NEWSDESK_INBOX_SEMANTIC_MIN_SIMILARITY = float(
    os.environ.get("NEWSDESK_INBOX_SEMANTIC_MIN_SIMILARITY", "0.3")
)
NEWSDESK_WATCH_DIGEST_SECONDS = float(os.environ.get("NEWSDESK_WATCH_DIGEST_SECONDS", "900"))
NEWSDESK_FEED_RULE_TIMEOUT = float(os.environ.get("NEWSDESK_FEED_RULE_TIMEOUT", "0.05"))

# Client addresses and the search rate limit (core/client_address.py, search/ratelimit.py).
# How many reverse proxies we run in front of the web processes (Varnish = 1, a load balancer
# in front of Varnish = 2): the client is the address the outermost of them appended to
# X-Forwarded-For. 0 ignores that header (REMOTE_ADDR is the client).
NEWSDESK_TRUSTED_PROXY_COUNT = int(os.environ.get("NEWSDESK_TRUSTED_PROXY_COUNT", "0"))
# Searches per client per window (0 = no limit, e.g. for benchmarks). Counted in the default
# cache: set REDIS_URL so that every worker shares one count.
NEWSDESK_SEARCH_RATE_LIMIT = int(os.environ.get("NEWSDESK_SEARCH_RATE_LIMIT", "60"))
NEWSDESK_SEARCH_RATE_WINDOW = max(1, int(os.environ.get("NEWSDESK_SEARCH_RATE_WINDOW", "60")))

# Periodic work (`manage.py run_scheduler`, core/scheduler.py; docs/operations.md). Seconds.
NEWSDESK_SCHEDULER_TICK_SECONDS = float(os.environ.get("NEWSDESK_SCHEDULER_TICK_SECONDS", "5"))
NEWSDESK_SCHEDULER_MAX_BACKOFF_SECONDS = float(
    os.environ.get("NEWSDESK_SCHEDULER_MAX_BACKOFF_SECONDS", "60")
)
# Longest wait of `manage.py run_worker` between attempts while the database fails (core/worker.py).
NEWSDESK_WORKER_MAX_BACKOFF_SECONDS = float(
    os.environ.get("NEWSDESK_WORKER_MAX_BACKOFF_SECONDS", "30")
)
# go_live_at / expire_at fire within this interval plus one tick.
NEWSDESK_PUBLISH_SCHEDULED_SECONDS = float(
    os.environ.get("NEWSDESK_PUBLISH_SCHEDULED_SECONDS", "30")
)
NEWSDESK_RELATED_REFRESH_SECONDS = float(os.environ.get("NEWSDESK_RELATED_REFRESH_SECONDS", "900"))
NEWSDESK_RELATED_REFRESH_BATCH = int(os.environ.get("NEWSDESK_RELATED_REFRESH_BATCH", "200"))
# Semantic index (search/semantic, docs/search.md): where the ANN index files are saved ("" keeps
# it in memory only, built from the table), how often a process looks for changed vectors, how
# often the scheduler embeds missed source articles and saves the files, and how many per pass.
NEWSDESK_SEMANTIC_INDEX_DIR = os.environ.get(
    "NEWSDESK_SEMANTIC_INDEX_DIR", str(BASE_DIR / "var" / "semantic-index")
)
NEWSDESK_SEMANTIC_SYNC_SECONDS = float(os.environ.get("NEWSDESK_SEMANTIC_SYNC_SECONDS", "2"))
NEWSDESK_SEMANTIC_MAINTENANCE_SECONDS = float(
    os.environ.get("NEWSDESK_SEMANTIC_MAINTENANCE_SECONDS", "300")
)
NEWSDESK_SEMANTIC_BATCH = int(os.environ.get("NEWSDESK_SEMANTIC_BATCH", "500"))
# Reader search and /api/search fuse semantic candidates into the lexical ranking (off: lexical
# only, as before the semantic index).
NEWSDESK_SEARCH_HYBRID = os.environ.get("NEWSDESK_SEARCH_HYBRID", "1").lower() in {"1", "true"}
# Query expansion with navec word vectors inside the hybrid ranking (search/expansion.py).
NEWSDESK_SEARCH_EXPANSION = os.environ.get("NEWSDESK_SEARCH_EXPANSION", "1").lower() in {
    "1",
    "true",
}
# Interrupted tasks (core/task_health.py): a worker beats every HEARTBEAT seconds; a RUNNING task
# whose worker is silent for DEAD_AFTER seconds is retried, up to MAX_ATTEMPTS runs in all.
NEWSDESK_TASK_HEARTBEAT_SECONDS = float(os.environ.get("NEWSDESK_TASK_HEARTBEAT_SECONDS", "10"))
NEWSDESK_TASK_DEAD_AFTER_SECONDS = float(os.environ.get("NEWSDESK_TASK_DEAD_AFTER_SECONDS", "60"))
NEWSDESK_TASK_MAX_ATTEMPTS = int(os.environ.get("NEWSDESK_TASK_MAX_ATTEMPTS", "3"))
# Finished task results are deleted after this many days (failed ones after twice as many).
NEWSDESK_TASK_RESULTS_KEEP_DAYS = int(os.environ.get("NEWSDESK_TASK_RESULTS_KEEP_DAYS", "14"))
NEWSDESK_TASK_PRUNE_SECONDS = float(os.environ.get("NEWSDESK_TASK_PRUNE_SECONDS", "21600"))

# Headless API (distribution/api.py, docs/api.md): at most this many items per request
# (Wagtail's setting) and no offset beyond NEWSDESK_API_MAX_OFFSET (deep offsets make the
# database walk every skipped row; clients page by date filters instead).
WAGTAILAPI_LIMIT_MAX = int(os.environ.get("NEWSDESK_API_LIMIT_MAX", "20"))
NEWSDESK_API_MAX_OFFSET = int(os.environ.get("NEWSDESK_API_MAX_OFFSET", "10000"))

# Security headers. The reader site runs no script and loads nothing from other hosts, so its
# Content-Security-Policy allows only this origin (JSON-LD blocks are data, not script, and
# are not subject to script-src). The Wagtail admin (inline scripts and styles of its own) is
# excluded rather than the policy weakened for everyone; it keeps X-Frame-Options and
# the other headers. Images may come from a media host: NEWSDESK_CSP_IMG_HOSTS.
NEWSDESK_CSP_IMG_HOSTS = [
    h.strip() for h in os.environ.get("NEWSDESK_CSP_IMG_HOSTS", "").split(",") if h.strip()
]
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *NEWSDESK_CSP_IMG_HOSTS],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
