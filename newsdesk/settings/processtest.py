"""Settings for ``manage.py run_worker`` / ``run_scheduler`` started by the real-process tests.

The test settings, but with the database task queue (the tests' immediate backend runs tasks
inside the caller, which is exactly what must not happen here), the probe app, a short SQLite
busy timeout (a locked database shows as an error within a second) and a PostgreSQL
application name per process, so a test can terminate one process's connection.
"""

import os

from newsdesk.settings.test import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "core.testing.periodic_probe"]  # noqa: F405
TASKS = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": TASK_QUEUES}  # noqa: F405
}
_db = DATABASES["default"]  # noqa: F405
if _db["ENGINE"] == "django.db.backends.sqlite3":
    _db["OPTIONS"]["init_command"] = _db["OPTIONS"]["init_command"].replace(
        "busy_timeout=5000", "busy_timeout=500"
    )
else:
    _db.setdefault("OPTIONS", {})["application_name"] = os.environ.get("PROBE_APP_NAME", "nd")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
}
