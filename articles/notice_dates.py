"""When an article last changed in substance: the date of its newest notice.

Kept apart from the page model so the rule is one small function: a re-save, a republish or a
typo fix leaves `substantively_modified_at` alone; adding a correction, clarification or update
moves it to that notice's date. It never moves backwards (deleting a notice keeps the date), so
machines that saw the change are not told it never happened.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any


def latest_notice_date(page: Any) -> datetime | None:
    """The stored date, or the newest notice's date if that is later (in-memory notices count:
    the page editor's form holds them before they are saved)."""
    dates = [notice.date for notice in page.notices.all() if notice.date is not None]
    if page.substantively_modified_at is not None:
        dates.append(page.substantively_modified_at)
    return max(dates, default=None)
