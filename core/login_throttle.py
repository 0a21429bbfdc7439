"""Admin (and every other) login throttled per client address and username, in the shared cache.

WHY a small backend rather than django-axes: axes keeps attempts in database tables and wires a
middleware, a backend and signals of its own; what this site needs is one counter per (client,
username) that every web process sees, which the shared (Redis) cache already provides, next to
the search rate limit and with the same notion of who the client is (`core.client_address`).
After NEWSDESK_LOGIN_MAX_FAILURES failed attempts within NEWSDESK_LOGIN_LOCK_SECONDS, further
attempts for that username from that address are refused, with the right password too, until
the window has passed without failures. The form then shows its usual "incorrect username or
password" message, which tells a guesser nothing. Without Redis each web process counts on its
own (the limit multiplies by the number of processes), and with Redis unreachable the cache
ignores the error and logins are not throttled (a lockout of every editor would be worse).
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.dispatch import receiver
from django.http import HttpRequest

from core.client_address import client_address


def _username(credentials: dict) -> str:
    from django.contrib.auth import get_user_model

    field = get_user_model().USERNAME_FIELD
    return str(credentials.get(field) or credentials.get("username") or "")[:254].lower()


def throttle_key(request: HttpRequest | None, username: str) -> str:
    client = client_address(request) if request is not None else "no-request"
    digest = hashlib.sha256(username.encode()).hexdigest()[:32]
    return f"login-failures:{client}:{digest}"


def is_locked(request: HttpRequest | None, username: str) -> bool:
    limit = settings.NEWSDESK_LOGIN_MAX_FAILURES
    return bool(limit) and (cache.get(throttle_key(request, username)) or 0) >= limit


class ThrottledModelBackend(ModelBackend):
    """Django's ModelBackend, refusing (PermissionDenied) while the (client, username) is locked."""

    # ModelBackend's extra keyword parameters break BaseBackend's signature; django-stubs ignores
    # the same override on ModelBackend itself.
    def authenticate(  # type: ignore[override]
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> AbstractBaseUser | None:
        name = _username({"username": username, **kwargs})
        if is_locked(request, name):
            # PermissionDenied stops authenticate() trying further backends; it still sends
            # user_login_failed, which extends the lock while the guessing goes on.
            raise PermissionDenied("too many failed logins")
        return super().authenticate(request, username=username, password=password, **kwargs)


@receiver(user_login_failed, dispatch_uid="newsdesk-login-throttle-failed")
def count_failure(
    sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    if not settings.NEWSDESK_LOGIN_MAX_FAILURES:
        return
    key = throttle_key(request, _username(credentials))
    window = settings.NEWSDESK_LOGIN_LOCK_SECONDS
    if not cache.add(key, 1, timeout=window):
        try:
            cache.incr(key)
        except ValueError:  # expired in between
            cache.set(key, 1, timeout=window)
        cache.touch(key, timeout=window)


@receiver(user_logged_in, dispatch_uid="newsdesk-login-throttle-success")
def forget_failures(
    sender: Any, request: HttpRequest | None, user: AbstractBaseUser, **kwargs: Any
) -> None:
    cache.delete(throttle_key(request, str(user.get_username()).lower()))
