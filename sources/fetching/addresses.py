"""SSRF protection: which addresses we connect to, checked at connection time on the exact IP.

The check runs after DNS resolution and on every hop of a redirect chain, inside a custom
httpcore network backend: the socket is opened to the very address that was checked, so a DNS
rebinding answer between "check" and "connect" cannot slip through.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterable

import httpcore
import httpx
from django.conf import settings

from .errors import BlockedAddress, FetchError


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """IPv4 address hidden inside an IPv6 one (mapped ::ffff:a.b.c.d, 6to4, Teredo, NAT64)."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    if ip in ipaddress.ip_network("64:ff9b::/96"):
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def forbidden_reason(address: str) -> str | None:
    """Why we refuse to connect to ``address``, or None when it is a public address."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        inner = _embedded_ipv4(ip)
        if inner is not None:
            reason = forbidden_reason(str(inner))
            return f"{reason} (embedded in IPv6 {ip})" if reason else None
    checks = (
        ("is_unspecified", "unspecified"),
        ("is_loopback", "loopback"),
        ("is_link_local", "link-local"),
        ("is_multicast", "multicast"),
        ("is_private", "private-network"),
        ("is_reserved", "reserved"),
    )
    for attribute, label in checks:
        if getattr(ip, attribute):
            return f"{label} address {ip}"
    if not ip.is_global:
        return f"non-public address {ip}"
    return None


def _allowed_hosts() -> set[str]:
    hosts = settings.NEWSDESK_ALLOWED_FETCH_HOSTS or []
    return {h.strip().lower().strip("[]") for h in hosts if h.strip()}


def is_allowed_host(host: str) -> bool:
    """Hosts on the allow-list skip the address check (e.g. 127.0.0.1 in tests)."""
    return host.lower().strip("[]") in _allowed_hosts()


Resolver = Callable[[str, int], list[str]]


def resolve(host: str, port: int) -> list[str]:
    """All addresses ``host`` resolves to (IPv4 and IPv6), in resolver order."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    addresses: list[str] = []
    for _family, _type, _proto, _canon, sockaddr in infos:
        if sockaddr[0] not in addresses:
            addresses.append(str(sockaddr[0]))
    return addresses


def checked_addresses(host: str, port: int, resolver: Resolver = resolve) -> list[str]:
    """Resolve ``host`` and return the addresses we may connect to, or raise BlockedAddress.

    Any forbidden address in the answer refuses the host: a name that resolves to both a
    public and an internal address is a classic rebinding set-up, not an accident.
    """
    try:
        addresses = resolver(host, port)
    except (OSError, UnicodeError) as exc:
        raise FetchError(
            f"cannot resolve host {host!r}: {exc}. Check the spelling of the URL's host name."
        ) from exc
    if is_allowed_host(host):
        return addresses
    for address in addresses:
        reason = forbidden_reason(address)
        if reason:
            raise BlockedAddress(
                f"refused to connect to {host!r}: it resolves to a {reason}. Internal addresses "
                "are never fetched (SSRF protection); if this host is a trusted internal "
                "mirror, add it to NEWSDESK_ALLOWED_FETCH_HOSTS."
            )
    if not addresses:
        raise FetchError(f"host {host!r} resolved to no address.")
    return addresses


class _CheckedBackend(httpcore.SyncBackend):
    """Network backend that resolves, checks and connects to the checked IP itself.

    httpcore asks the backend to open a TCP connection to (host, port); TLS is started after
    that with the original host name for SNI and certificate checks, so pinning the IP here
    keeps HTTPS verification intact while closing the DNS-rebinding window.
    """

    def __init__(self, resolver: Resolver) -> None:
        self._resolver = resolver

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        addresses = checked_addresses(host, port, self._resolver)
        last_error: Exception | None = None
        for address in addresses:
            try:
                return super().connect_tcp(address, port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last_error = exc
        assert last_error is not None  # noqa: S101 (addresses is never empty here)
        raise last_error


class CheckedTransport(httpx.HTTPTransport):
    """httpx's transport with the connection pool rebuilt on the checking backend.

    httpx offers no public hook for the network backend, so the pool is replaced right after
    construction with the same options httpx itself would use.
    """

    def __init__(self, resolver: Resolver, limits: httpx.Limits) -> None:
        super().__init__(trust_env=False, limits=limits)
        ssl_context = httpx.create_ssl_context(trust_env=False)
        self._pool = httpcore.ConnectionPool(
            ssl_context=ssl_context,
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=_CheckedBackend(resolver),
        )
