"""Turning query-string parameters into search filters; any value is accepted, none raises."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.dateparse import parse_date

from .backends import SearchFilters

MAX_PARAM_CHARS = 2_000


def content_languages() -> tuple[str, ...]:
    return tuple(code for code, _ in settings.WAGTAIL_CONTENT_LANGUAGES)


def clean_text(value) -> str:
    return str(value or "")[:MAX_PARAM_CHARS].replace("\x00", "")


def parse_day(value) -> datetime | None:
    """'2024-05-01' -> aware midnight in the site's time zone; anything else -> None."""
    try:
        day = parse_date(clean_text(value).strip()[:10])
    except ValueError:
        return None
    if day is None:
        return None
    return timezone.make_aware(datetime.combine(day, time.min))


def parse_int(value) -> int | None:
    text = clean_text(value).strip()
    if not text.isdigit() or len(text) > 12:
        return None
    return int(text)


def filters_from(params, reader_language: str, *, languages_param: str | None = None):
    """SearchFilters for a request's GET params.

    Readers see their own language unless `all=1` asks for every language (theirs first); the
    API passes `lang` (a code or "all"). The date range is inclusive of both days.
    """
    languages = content_languages()
    if languages_param is not None:
        wanted = clean_text(languages_param).strip().lower()
        chosen = (wanted,) if wanted in languages else languages
    elif clean_text(params.get("all")) in ("1", "on", "true"):
        chosen = languages
    else:
        chosen = (reader_language,) if reader_language in languages else languages
    date_from = parse_day(params.get("from"))
    date_to = parse_day(params.get("to"))
    return SearchFilters(
        languages=chosen,
        section_id=parse_int(params.get("section")),
        date_from=date_from,
        date_until=date_to + timedelta(days=1) if date_to else None,
        preferred_language=reader_language,
    )
