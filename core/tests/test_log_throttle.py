"""Repeated errors (Redis down) are logged once per interval, with a count of the rest."""

import logging

from core.log_throttle import OncePerInterval


def test_the_log_throttle_lets_one_record_per_interval_through():
    throttle = OncePerInterval(seconds=60)
    records = [logging.LogRecord("x", logging.ERROR, "", 0, "boom", (), None) for _ in range(5)]
    assert [throttle.filter(r) for r in records] == [True, False, False, False, False]
    throttle._next = 0.0
    again = logging.LogRecord("x", logging.ERROR, "", 0, "boom", (), None)
    assert throttle.filter(again) and "4 similar records suppressed" in again.getMessage()
