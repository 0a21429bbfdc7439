"""Readiness: can this web process serve pages right now? (database and cache reachable).

WHY separate from /healthz: a load balancer restarts a process whose liveness fails, so the
liveness check must not depend on anything outside the process (a PostgreSQL restart would get
every web process killed at once). Readiness does check the dependencies: it takes a process
out of rotation while the database or the cache is unreachable, and back in when they return.
"""

from __future__ import annotations

import logging
import time
import uuid

from django.core.cache import caches
from django.db import connections

logger = logging.getLogger(__name__)
PROBE_KEY = "newsdesk:readiness-probe"


def check_database(alias: str = "default") -> str | None:
    """None when `SELECT 1` works on the database, else the error's name."""
    try:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:  # noqa: BLE001 - any failure means "not ready", reported
        logger.warning("Readiness: database %s unreachable: %r", alias, error)
        return type(error).__name__
    return None


def check_cache(alias: str = "default") -> str | None:
    """None when a value written to the cache reads back, else why not.

    A round trip rather than a ping: with IGNORE_EXCEPTIONS django-redis turns a dead server
    into silent misses, so only reading back what was written tells that the cache works.
    """
    token = uuid.uuid4().hex
    try:
        cache = caches[alias]
        cache.set(PROBE_KEY, token, timeout=10)
        if cache.get(PROBE_KEY) != token:
            return "value not stored"
    except Exception as error:  # noqa: BLE001 - any failure means "not ready", reported
        logger.warning("Readiness: cache %s unreachable: %r", alias, error)
        return type(error).__name__
    return None


def readiness() -> tuple[bool, dict]:
    """(ready, details) with each check's status and time in milliseconds."""
    details: dict = {}
    ready = True
    for name, check in (("database", check_database), ("cache", check_cache)):
        started = time.perf_counter()
        error = check()
        details[name] = {
            "ok": error is None,
            "ms": round((time.perf_counter() - started) * 1000, 1),
        }
        if error is not None:
            details[name]["error"] = error
            ready = False
    return ready, details
