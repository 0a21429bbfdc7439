"""Turning query-string parameters into search filters; any value is accepted, none raises.

The parsing itself is `core.reader_input` (one set of rules for every reader input).
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.safestring import SafeString
from wagtail.models import Page

from core import reader_input
from core.fragment_cache import content_generation, ttl

from .backends import SearchFilters
from .models import IndexEntry

MAX_PARAM_CHARS = reader_input.MAX_TEXT_CHARS


def content_languages() -> tuple[str, ...]:
    return tuple(code for code, _ in settings.WAGTAIL_CONTENT_LANGUAGES)


def clean_text(value) -> str:
    return reader_input.text(value, MAX_PARAM_CHARS)


def parse_day(value) -> datetime | None:
    """'2024-05-01' -> aware midnight in the site's time zone; anything else -> None.

    Days are clamped to reader_input's calendar (so `to=9999-12-31` plus the inclusive day
    still fits in a datetime).
    """
    day = reader_input.day(value)
    if day is None:
        return None
    return timezone.make_aware(datetime.combine(day, time.min))


def parse_int(value) -> int | None:
    return reader_input.integer(value)


def cross_requested(params) -> bool:
    """`cross=1`: also in the other languages, found by meaning (the multilingual index)."""
    return reader_input.flag(params.get("cross"))


def other_language_names(reader_language: str) -> list[str]:
    """Names of the content languages other than the reader's, in the reader's language."""
    return [
        str(name) for code, name in settings.WAGTAIL_CONTENT_LANGUAGES if code != reader_language
    ]


def filters_from(
    params, reader_language: str, *, languages_param: str | None = None, cross: bool = False
):
    """SearchFilters for a request's GET params.

    Readers see their own language unless `all=1` asks for every language (theirs first); the
    API passes `lang` (a code or "all"). `cross` (reader search "also in English/Russian",
    `/api/search?cross=1`) searches every language; the API's `lang` then still narrows the
    results to one language (e.g. Russian articles for an English query). The date range is
    inclusive of both days.
    """
    languages = content_languages()
    if cross and languages_param is None:
        chosen = languages
    elif languages_param is not None:
        wanted = reader_input.choice(languages_param, languages)
        chosen = (wanted,) if wanted else languages
    elif reader_input.flag(params.get("all")):
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


def searchable_sections(
    languages: tuple[str, ...], request: HttpRequest | None = None
) -> list[tuple[int, str]]:
    """(id, title) of the sections holding indexed articles in these languages, by title.

    The results page's section filter. Reading the distinct sections of the whole index cost
    more than the search itself (a scan of every entry of the language), so the list is
    cached per content generation (core.fragment_cache): publishing, unpublishing or moving
    any page starts a new one, and the TTL bounds it in other workers.
    """
    key = f"newsdesk:search-sections:{','.join(languages)}:{content_generation(request)}"
    sections = cache.get(key)
    if sections is None:
        section_ids = (
            IndexEntry.objects.filter(language__in=languages, section__isnull=False)
            .values_list("section_id", flat=True)
            .distinct()
        )
        sections = list(
            Page.objects.filter(pk__in=section_ids).order_by("title").values_list("pk", "title")
        )
        cache.set(key, sections, timeout=ttl())
    return sections


def section_options(sections: list[tuple[int, str]], selected: int | None) -> SafeString:
    """The section filter's <option>s (titles escaped). Built here rather than in a template
    loop: an archive with ~100 sections spent more time rendering them than its results."""
    return format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        # " selected" has nothing to escape; titles are escaped by format_html_join.
        ((pk, " selected" if pk == selected else "", title) for pk, title in sections),
    )
