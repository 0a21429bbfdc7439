"""The address of the client behind a request, for per-client limits (search, admin login).

WHY one module: every limit keyed by client must agree on who the client is, and getting it
wrong in one place lets a client escape that limit. `X-Forwarded-For` is a list each proxy
appends to (`client, proxy1, proxy2`); anything left of what our own proxies wrote is whatever
the client sent, so its left-most value is forgeable. With ``NEWSDESK_TRUSTED_PROXY_COUNT`` = N
trusted proxies in front of the web processes, the client is the N-th value from the right: the
address that the outermost trusted proxy saw connecting to it. N = 0 (the default) ignores the
header and uses the socket's address (REMOTE_ADDR), right for a server without a proxy.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest

UNKNOWN = "unknown"


def _address(value: str) -> str | None:
    """A normalised IP address from one header entry ("1.2.3.4", "[::1]:80", "1.2.3.4:80")."""
    text = value.strip()
    if text.startswith("["):  # [IPv6]:port
        text = text[1:].split("]", 1)[0]
    elif text.count(":") == 1:  # IPv4:port
        text = text.split(":", 1)[0]
    try:
        return str(ipaddress.ip_address(text))
    except ValueError:
        return None


def trusted_proxy_count() -> int:
    return max(0, int(settings.NEWSDESK_TRUSTED_PROXY_COUNT or 0))


def client_address(request: HttpRequest) -> str:
    """The client's IP address as the trusted proxies saw it; never a value the client chose.

    A header shorter than the proxy count means the request skipped some proxy; its left-most
    value was still written by one of ours, so that one is used. An unparsable entry at the
    chosen position falls back to REMOTE_ADDR (the proxy itself): such clients share one
    bucket, which limits them together rather than letting them out.
    """
    remote = _address(request.META.get("REMOTE_ADDR", "")) or UNKNOWN
    proxies = trusted_proxy_count()
    if not proxies:
        return remote
    header = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop for hop in header.split(",") if hop.strip()]
    if not hops:
        return remote
    chosen = hops[-proxies] if len(hops) >= proxies else hops[0]
    return _address(chosen) or remote
