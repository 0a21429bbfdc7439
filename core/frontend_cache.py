"""Front-cache backends configured from the environment, and a Varnish backend that can fail.

WHY a subclass of Wagtail's HTTPBackend: Wagtail's logs a failed PURGE and returns, so the
caller can never retry; this one raises (core/purge.py retries with back-off) and also purges
by cache key (``xkey-purge`` header, deploy/varnish/default.vcl), which reaches every stored
page showing an article, whatever its URL.
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

    def purge(self, url: str) -> None:
        parts = urlsplit(url)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        self._send(path, {"Host": parts.netloc or self.cache_netloc})

    def purge_keys(self, keys: Iterable[str]) -> None:
        keys = list(keys)
        for start in range(0, len(keys), KEYS_PER_REQUEST):
            self._send("/", {"xkey-purge": " ".join(keys[start : start + KEYS_PER_REQUEST])})
