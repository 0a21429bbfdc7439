"""Politeness towards outlets' servers: spacing between requests to one host."""

from __future__ import annotations

import threading
import time


class HostThrottle:
    """Keeps at least ``min_delay`` seconds between the starts of requests to one host.

    In-process only: several worker processes each keep their own spacing.
    """

    def __init__(self, min_delay: float) -> None:
        self.min_delay = min_delay
        self._next_slot: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait(self, host: str) -> None:
        """Block until this host may be contacted again, and book the slot."""
        if self.min_delay <= 0:
            return
        with self._lock:
            now = time.monotonic()
            slot = max(now, self._next_slot.get(host, 0.0))
            self._next_slot[host] = slot + self.min_delay
        if slot > now:
            time.sleep(slot - now)
