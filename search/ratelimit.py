"""Per-client rate limit for search, in the shared cache (fixed one-minute windows).

Search is the most expensive public endpoint; a limit per client address keeps one scraper
from slowing the site for everyone. The limit is settings.NEWSDESK_SEARCH_RATE_LIMIT requests
per settings.NEWSDESK_SEARCH_RATE_WINDOW seconds (60 per 60 by default; a limit of 0 turns it
off). The count lives in the default cache: with Redis (production) every worker shares it; with
the per-process cache each worker counts on its own, so N workers allow N times the limit.
The client is who `core.client_address` says it is (trusted proxy count, not a forgeable header).
"""

from __future__ import annotations

import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse

from core.client_address import client_address


def check_rate(request, scope: str = "search") -> int:
    """0 if the request may proceed, else the number of seconds until it may retry."""
    limit = settings.NEWSDESK_SEARCH_RATE_LIMIT
    window = max(1, int(settings.NEWSDESK_SEARCH_RATE_WINDOW))
    if not limit:
        return 0
    now = time.time()
    slot = int(now // window)
    key = f"ratelimit:{scope}:{client_address(request)}:{slot}"
    cache.add(key, 0, timeout=window + 1)
    try:
        used = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window + 1)
        used = 1
    if used is None:
        # The cache is unreachable and ignores the error (django-redis IGNORE_EXCEPTIONS, logged
        # there): searching stays possible rather than every search answering 500 or 429.
        return 0
    if used > limit:
        return max(1, int((slot + 1) * window - now) + 1)
    return 0


def rate_limited(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        retry_after = check_rate(request)
        if retry_after:
            response = HttpResponse(
                "Too many searches from your address; please wait a minute.",
                status=429,
                content_type="text/plain; charset=utf-8",
            )
            response["Retry-After"] = str(retry_after)
            return response
        return view(request, *args, **kwargs)

    return wrapper
