"""The editorial calendar: a week of scheduled and newly published articles, per language and
section, with the state of each one's translation.

Constant queries whatever the week holds: the articles (scheduled ones found through Wagtail's
approved scheduled revisions, in the same query), their sections, their counterparts in the
other languages, and the out-of-step translations (translation.services, the one definition of
"out of step"). Times are aware; the view shows them in the active (the editor's or the site's)
time zone, named by ``zone_label``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, OuterRef, Q, Subquery
from django.db.models.functions import Cast
from django.utils import timezone
from wagtail.models import Page, Revision

from articles.models import ArticlePage, SectionPage
from translation.services import out_of_step_translations

SCHEDULED = "scheduled"
PUBLISHED = "published"
TRANSLATED = "translated"
UNPUBLISHED = "unpublished"  # the translation exists as a draft
OUT_OF_STEP = "out_of_step"
MISSING = "missing"


@dataclass(frozen=True)
class Week:
    start: date  # a Monday, in the active time zone

    @classmethod
    def containing(cls, day: date) -> Week:
        return cls(day - timedelta(days=day.weekday()))

    @property
    def end(self) -> date:
        return self.start + timedelta(days=6)

    @property
    def previous(self) -> Week:
        return Week(self.start - timedelta(days=7))

    @property
    def next(self) -> Week:
        return Week(self.start + timedelta(days=7))

    @property
    def days(self) -> list[date]:
        return [self.start + timedelta(days=n) for n in range(7)]

    def bounds(self) -> tuple[datetime, datetime]:
        """The week as aware datetimes, midnight to midnight in the active time zone."""
        zone = timezone.get_current_timezone()
        start = datetime.combine(self.start, time.min, tzinfo=zone)
        return start, datetime.combine(self.start + timedelta(days=7), time.min, tzinfo=zone)


@dataclass(frozen=True)
class TranslationState:
    language: str
    status: str  # TRANSLATED, UNPUBLISHED, OUT_OF_STEP or MISSING
    page_id: int | None = None


@dataclass(frozen=True)
class Entry:
    page_id: int
    title: str
    language: str
    section: str
    state: str  # SCHEDULED or PUBLISHED
    at: datetime
    translations: tuple[TranslationState, ...]


@dataclass
class Day:
    day: date
    entries: list[Entry] = field(default_factory=list)


def sections_by_key() -> dict[str, list[SectionPage]]:
    """Every section grouped with its translations (the filter's choices): one query."""
    grouped: dict[str, list[SectionPage]] = {}
    for section in SectionPage.objects.select_related("locale").order_by("path"):
        grouped.setdefault(str(section.translation_key), []).append(section)
    return grouped


def _articles(start: datetime, end: datetime, language: str | None, section_paths: list[str]):
    scheduled_at = Subquery(
        Revision.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id=Cast(OuterRef("pk"), output_field=CharField()),
            approved_go_live_at__isnull=False,
        )
        .order_by("-approved_go_live_at")
        .values("approved_go_live_at")[:1]
    )
    articles = (
        ArticlePage.objects.annotate(scheduled_at=scheduled_at)
        .filter(
            Q(scheduled_at__gte=start, scheduled_at__lt=end)
            | Q(live=True, first_published_at__gte=start, first_published_at__lt=end)
        )
        .select_related("locale")
        .only(
            "id",
            "title",
            "path",
            "depth",
            "translation_key",
            "live",
            "first_published_at",
            "locale__language_code",
        )
    )
    if language:
        articles = articles.filter(locale__language_code=language)
    if section_paths:
        within = Q()
        for path in section_paths:
            within |= Q(path__startswith=path)
        articles = articles.filter(within)
    return list(articles.order_by("pk"))


def _translation_states(articles: list[Any]) -> dict[int, tuple[TranslationState, ...]]:
    """Article id -> the state of its version in each other language (two queries)."""
    keys = {a.translation_key for a in articles}
    pages = {
        (str(key), code): (pk, live)
        for pk, key, code, live in Page.objects.filter(translation_key__in=keys).values_list(
            "pk", "translation_key", "locale__language_code", "live"
        )
    }
    stale = {
        (str(key), code)
        for key, code in out_of_step_translations()
        .filter(source__object_id__in=keys)
        .values_list("source__object_id", "target_locale__language_code")
    }
    states = {}
    for article in articles:
        key = str(article.translation_key)
        others = []
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
            if code == article.locale.language_code:
                continue
            found = pages.get((key, code))
            if found is None:
                status = MISSING
            elif (key, code) in stale or (key, article.locale.language_code) in stale:
                status = OUT_OF_STEP
            else:
                status = TRANSLATED if found[1] else UNPUBLISHED
            others.append(TranslationState(code, status, found[0] if found else None))
        states[article.pk] = tuple(others)
    return states


def week_calendar(
    week: Week, *, language: str | None = None, section_key: str | None = None
) -> list[Day]:
    """The week's scheduled and newly published articles, day by day in the active zone."""
    start, end = week.bounds()
    sections = sections_by_key()
    section_paths = [s.path for s in sections.get(section_key or "", [])]
    if section_key and not section_paths:
        return [Day(day) for day in week.days]
    articles = _articles(start, end, language, section_paths)
    parents = {s.path: s.title for group in sections.values() for s in group}
    states = _translation_states(articles)
    days = {day: Day(day) for day in week.days}
    for article in articles:
        moments = []
        if article.scheduled_at is not None and start <= article.scheduled_at < end:
            moments.append((SCHEDULED, article.scheduled_at))
        published = article.first_published_at
        if article.live and published is not None and start <= published < end:
            moments.append((PUBLISHED, published))
        for state, at in moments:
            entry = Entry(
                page_id=article.pk,
                title=article.title,
                language=article.locale.language_code,
                section=parents.get(article.path[: -Page.steplen], ""),
                state=state,
                at=at,
                translations=states[article.pk],
            )
            days[timezone.localtime(at).date()].entries.append(entry)
    for day in days.values():
        day.entries.sort(key=lambda e: (e.at, e.page_id))
    return list(days.values())
