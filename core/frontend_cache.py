"""Front-cache backends configured from the environment, and a Varnish backend that can fail.

WHY a subclass of Wagtail's HTTPBackend: Wagtail's logs a failed PURGE and returns, so the
caller can never retry; this one raises (core/purge.py retries with back-off) and also purges
by cache key (``xkey-purge`` header, deploy/varnish/default.vcl), which reaches every stored
page showing an article, whatever its URL. The ``soft_*`` forms expire copies without removing
them (core/purge.py sends them for published edits): readers keep getting the old copy for the
moment one background fetch takes, instead of all waiting for it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import urlsplit, urlunsplit
from urllib.request import Request, urlopen

from wagtail import __version__
from wagtail.contrib.frontend_cache.backends.http import HTTPBackend

TIMEOUT_SECONDS = 5.0
# Varnish limits one header's length (http_req_hdr_len, 8 KB by default).
KEYS_PER_REQUEST = 200


class _Purge(Request):
    def get_method(self) -> str:
        return "PURGE"


class VarnishBackend(HTTPBackend):
    """PURGE by URL (Wagtail's protocol) and by xkey; errors propagate to the caller."""

    def __init__(self, params: Mapping[str, Any]) -> None:
        self.location = params["LOCATION"]
        super().__init__(dict(params))

    def _send(self, path: str, headers: dict[str, str]) -> None:
        url = urlunsplit([self.cache_scheme, self.cache_netloc, path or "/", "", ""])
        headers = {"User-Agent": f"Wagtail-frontendcache/{__version__}", **headers}
        # URL scheme and host come from the configured LOCATION, never from content.
        with urlopen(_Purge(url, headers=headers), timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
            response.read()

    def purge(self, url: str, *, soft: bool = False) -> None:
        parts = urlsplit(url)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        headers = {"Host": parts.netloc or self.cache_netloc}
        if soft:
            headers["X-Newsdesk-Soft-Purge"] = "1"
        self._send(path, headers)

    def purge_keys(self, keys: Iterable[str], *, soft: bool = False) -> None:
        keys = list(keys)
        header = "xkey-softpurge" if soft else "xkey-purge"
        for start in range(0, len(keys), KEYS_PER_REQUEST):
            self._send("/", {header: " ".join(keys[start : start + KEYS_PER_REQUEST])})

    def soft_purge_batch(self, urls: Iterable[str]) -> None:
        for url in urls:
            self.purge(url, soft=True)

    def soft_purge_keys(self, keys: Iterable[str]) -> None:
        self.purge_keys(keys, soft=True)
