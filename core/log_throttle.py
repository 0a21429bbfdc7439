"""A logging filter that lets one record per interval through, for errors that repeat per call.

WHY: with Redis down, django-redis logs every ignored cache error with its traceback, and a page
makes a dozen cache calls: the log would grow by megabytes a minute and formatting the
tracebacks alone cost ~4 ms per call. One record per interval says the same (it carries how
many were suppressed since the last one).
"""

from __future__ import annotations

import logging
import threading
import time


class OncePerInterval(logging.Filter):
    def __init__(self, seconds: float = 30.0):
        super().__init__()
        self.seconds = float(seconds)
        self._next = 0.0
        self._suppressed = 0
        self._lock = threading.Lock()

    def filter(self, record: logging.LogRecord) -> bool:
        now = time.monotonic()
        with self._lock:
            if now < self._next:
                self._suppressed += 1
                return False
            self._next = now + self.seconds
            suppressed, self._suppressed = self._suppressed, 0
        if suppressed:
            record.msg = f"{record.msg} ({suppressed} similar records suppressed)"
        return True
