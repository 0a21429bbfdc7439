"""robots.txt: fetched through the same safe client, cached per origin, read as RFC 9309 says.

The rules object does not fetch by itself: the client hands it a loader that runs the request
with the client's own protections (address checks, size cap, deadline) but without a robots
check of its own, which would recurse.
"""

from __future__ import annotations

import threading
import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass

import httpx

from .errors import (
    BlockedAddress,
    FetchError,
    HTTPStatusError,
    RobotsDisallowed,
    TooLarge,
    UnsupportedScheme,
)

ROBOTS_MAX_BYTES = 512 * 1024
# How long a robots.txt that could not be read keeps the site blocked, at most.
UNREADABLE_TTL = 300.0

# load(robots.txt URL, deadline) -> the file's body; raises FetchError like any fetch.
RobotsLoader = Callable[[str, float], bytes]


@dataclass
class _RobotsEntry:
    parser: urllib.robotparser.RobotFileParser
    expires: float
    note: str = ""  # why everything is disallowed when robots.txt could not be read


class RobotsRules:
    """The robots.txt rules of every origin we fetch from, cached for ``ttl`` seconds."""

    def __init__(self, load: RobotsLoader, ttl: float) -> None:
        self._load_body = load
        self.ttl = ttl
        self._entries: dict[str, _RobotsEntry] = {}
        self._lock = threading.Lock()

    def check(self, url: httpx.URL, user_agent: str, deadline_at: float) -> None:
        """Raise RobotsDisallowed when ``user_agent`` may not fetch ``url``."""
        entry = self._entry_for(url, deadline_at)
        if entry.note and not entry.parser.can_fetch(user_agent, str(url)):
            raise RobotsDisallowed(
                f"robots.txt of {url.host} could not be read ({entry.note}); as RFC 9309 asks, "
                "the site is treated as fully disallowed for a few minutes. Try again later.",
                url=str(url),
            )
        if not entry.parser.can_fetch(user_agent, str(url)):
            raise RobotsDisallowed(
                f"robots.txt of {url.host} disallows {url.path} for our User-Agent "
                f"{user_agent!r}; ask the outlet for permission or use its feed instead.",
                url=str(url),
            )

    def _entry_for(self, url: httpx.URL, deadline_at: float) -> _RobotsEntry:
        key = f"{url.scheme}://{url.netloc.decode('ascii')}"
        now = time.monotonic()
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None and entry.expires > now:
                return entry
        parser, ttl, note = self._load(key, deadline_at)
        entry = _RobotsEntry(parser, time.monotonic() + ttl, note)
        with self._lock:
            self._entries[key] = entry
        return entry

    def _load(
        self, origin: str, deadline_at: float
    ) -> tuple[urllib.robotparser.RobotFileParser, float, str]:
        """Fetch and parse robots.txt following RFC 9309's status rules.

        4xx means "no rules" (allow all); 5xx or an unreachable server means "assume
        everything is disallowed" for a short while, since the site may be overloaded.
        """
        parser = urllib.robotparser.RobotFileParser(origin + "/robots.txt")
        try:
            body = self._load_body(origin + "/robots.txt", deadline_at)
        except HTTPStatusError as exc:
            if 400 <= exc.status < 500:
                parser.allow_all = True
                return parser, self.ttl, ""
            parser.disallow_all = True
            return parser, min(self.ttl, UNREADABLE_TTL), f"HTTP {exc.status}"
        except TooLarge:
            # RFC 9309 lets crawlers parse only the first 500 KiB; an oversize file is unusual
            # enough that we treat it like "no rules" rather than block the site.
            parser.allow_all = True
            return parser, self.ttl, ""
        except (BlockedAddress, UnsupportedScheme):
            raise
        except FetchError as exc:
            parser.disallow_all = True
            return parser, min(self.ttl, UNREADABLE_TTL), type(exc).__name__
        parser.parse(body.decode("utf-8", errors="replace").splitlines())
        return parser, self.ttl, ""
