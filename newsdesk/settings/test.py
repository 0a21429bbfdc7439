"""Test settings: fast hashing, in-memory cache, tasks run immediately."""

import os

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": TASK_QUEUES,  # noqa: F405
    }
}
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
MEDIA_ROOT = BASE_DIR / "var" / f"test-media-{os.getpid()}"  # noqa: F405
NEWSDESK_ALLOWED_FETCH_HOSTS = ["127.0.0.1"]
NEWSDESK_FETCH_MIN_HOST_DELAY = 0  # the fake outlet servers are ours; no politeness delay
WAGTAILADMIN_BASE_URL = "http://testserver"
# runserver and the test client serve static files themselves; WhiteNoise is for production.
MIDDLEWARE = [m for m in MIDDLEWARE if not m.startswith("whitenoise.")]  # noqa: F405
# The semantic ANN index lives in memory (built from the table) and follows every write at once.
NEWSDESK_SEMANTIC_INDEX_DIR = ""
NEWSDESK_SEMANTIC_SYNC_SECONDS = 0
# Browser tests share one in-memory SQLite database (shared cache) with the threaded live server,
# where two writers collide at once ("database table is locked") instead of waiting: the editor's
# periodic editing-session ping was one of them. Once per 10 minutes is never, in a test.
WAGTAIL_EDITING_SESSION_PING_INTERVAL = 600_000
