"""Local development: the `make demo` site. Not for production (fixed key, DEBUG)."""

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "dev-only-insecure-key-not-for-production"  # noqa: S105
ALLOWED_HOSTS = ["*"]
INTERNAL_IPS = ["127.0.0.1"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# The demo's own fictional outlets serve their feeds from this same server.
NEWSDESK_ALLOWED_FETCH_HOSTS = [*NEWSDESK_ALLOWED_FETCH_HOSTS, "127.0.0.1", "localhost"]  # noqa: F405
# runserver and the test client serve static files themselves; WhiteNoise is for production.
MIDDLEWARE = [m for m in MIDDLEWARE if not m.startswith("whitenoise.")]  # noqa: F405
