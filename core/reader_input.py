"""The one place that turns what a reader sent (query string, URL parts) into bounded values.

WHY: every view that read `request.GET` on its own had its own idea of "a number" or "a date",
and each gap was a 500 on hostile input: `to=9999-12-31` overflowed when a day was added, a
20-digit id overflowed PostgreSQL's integer columns, a NUL byte reached a PostgreSQL text
parameter (which refuses it). These parsers never raise on reader input: they return the value
bounded to what the site can store and compute with, or None (or the caller's default) when
the input is not such a value. Callers decide whether None means "ignore the filter" (reader
pages) or "answer 400" (the API). NUL and control bytes in the path and the query string are
refused even earlier, by `core.middleware.RejectControlCharactersMiddleware`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime

from django.utils.dateparse import parse_datetime

#: Longest text parameter kept (a search query, a slug); the rest is cut off.
MAX_TEXT_CHARS = 2_000
#: Largest id any table holds: Wagtail's Page and most models use 32-bit integer keys, and
#: PostgreSQL refuses a larger value for such a column instead of finding nothing.
MAX_ID = 2**31 - 1
#: Dates are bounded to what news can be about and what date arithmetic survives
#: (9999-12-31 plus one day overflows; year 1 shifted to UTC can fall before year 1).
MIN_DAY = date(1900, 1, 1)
MAX_DAY = date(2999, 12, 31)
#: Longest digit string read as a number (int() of thousands of digits is slow, then refused).
MAX_DIGITS = 19

CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
NON_WORD = re.compile(r"[^\w\s-]|_")
ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
TRUE_WORDS = frozenset({"1", "on", "true", "yes"})
FALSE_WORDS = frozenset({"0", "off", "false", "no", ""})


def text(value: object, max_chars: int = MAX_TEXT_CHARS) -> str:
    """Any value as a string without control characters (NUL included), cut to max_chars."""
    if value is None:
        return ""
    return CONTROL_CHARACTERS.sub("", str(value)[: max_chars * 2])[:max_chars]


def integer(value: object, *, minimum: int = 0, maximum: int = MAX_ID) -> int | None:
    """A decimal integer within [minimum, maximum], else None ("abc", "1e3", "-1", 20 digits)."""
    raw = text(value, 64).strip()
    digits = raw[1:] if raw[:1] in "+-" else raw
    if not digits.isascii() or not digits.isdigit() or len(digits) > MAX_DIGITS:
        return None
    number = int(raw)
    return number if minimum <= number <= maximum else None


def clamped_integer(value: object, *, default: int, minimum: int, maximum: int) -> int:
    """An integer forced into [minimum, maximum]; default when it is no integer at all.

    For page numbers: `?page=99999999999999999999` is the last page, not an error.
    """
    raw = text(value, 64).strip()
    digits = raw[1:] if raw[:1] in "+-" else raw
    if not digits.isascii() or not digits.isdigit():
        return default
    if len(digits) > MAX_DIGITS:
        return minimum if raw.startswith("-") else maximum
    return min(max(int(raw), minimum), maximum)


def day(value: object) -> date | None:
    """`YYYY-MM-DD` as a date within [MIN_DAY, MAX_DAY] (clamped), else None."""
    match = ISO_DAY.match(text(value, 32).strip())
    if match is None:
        return None
    try:
        parsed = date(*(int(part) for part in match.groups()))
    except ValueError:  # 2024-02-30, month 13, year 0
        return None
    return min(max(parsed, MIN_DAY), MAX_DAY)


def moment(value: object) -> datetime | None:
    """An ISO date or date-time within [MIN_DAY, MAX_DAY] (not clamped: it is matched exactly),
    else None."""
    raw = text(value, 64).strip()
    only_day = day(raw)
    if only_day is not None:
        parsed = datetime.combine(only_day, datetime.min.time())
        return parsed if raw == only_day.isoformat() else None
    try:
        parsed_moment = parse_datetime(raw)
    except ValueError:  # well-formed but impossible (hour 25)
        return None
    if parsed_moment is None or not MIN_DAY <= parsed_moment.date() <= MAX_DAY:
        return None
    return parsed_moment


def words(value: object, max_chars: int = 200) -> str:
    """Only the words of a free-text query (letters, digits, hyphens), single-spaced.

    For search engines with a query syntax of their own (SQLite FTS5 behind Wagtail's database
    backend fails on an unbalanced quote), which a reader's text must never reach as syntax.
    """
    return " ".join(NON_WORD.sub(" ", text(value, max_chars)).split())


def flag(value: object, default: bool = False) -> bool:
    """A checkbox-style parameter: 1/on/true/yes or 0/off/false/no; anything else -> default."""
    word = text(value, 8).strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS and value is not None:
        return False
    return default


def choice(value: object, choices: Iterable[str], default: str | None = None) -> str | None:
    """The value (lower-cased) if it is one of choices, else default."""
    word = text(value, 64).strip().lower()
    return word if word in set(choices) else default
