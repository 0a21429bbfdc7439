"""The editorial calendar: a week of scheduled and published articles with translation status."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail_localize.models import TranslationSource

from articles.testing.factories import make_article, make_section
from newsroom.calendar import (
    MISSING,
    OUT_OF_STEP,
    PUBLISHED,
    SCHEDULED,
    TRANSLATED,
    Week,
    week_calendar,
)
from translation.linking import register_existing_translation

pytestmark = pytest.mark.django_db

# Thursday 3 December 2026, 10:00 in Moscow: a fixed week, times in a zone that is not UTC.
NOW = datetime(2026, 12, 3, 7, 0, tzinfo=UTC)
WEEK = Week.containing(NOW.date())


@pytest.fixture(autouse=True)
def moscow(settings):
    settings.TIME_ZONE = "Europe/Moscow"
    with timezone.override("Europe/Moscow"):
        yield


def entries(days):
    return [entry for day in days for entry in day.entries]


def build_week():
    economy = make_section("en", title="Economy", slug="economy")
    economy_ru = make_section("ru", title="Экономика", slug="ekonomika", translation_of=economy)
    world = make_section("en", title="World", slug="world")
    # Published Tuesday 22:30 UTC = Wednesday 01:30 in Moscow; translated, in step.
    translated = make_article(
        economy, title="Grain prices fall", published_at=datetime(2026, 12, 1, 22, 30, tzinfo=UTC)
    )
    russian = make_article(
        economy_ru,
        language="ru",
        title="Цены на зерно падают",
        translation_of=translated,
        published_at=datetime(2026, 12, 2, 9, 0, tzinfo=UTC),
    )
    register_existing_translation(translated, russian)
    # Translated, but the English source was published again after the last sync.
    stale = make_article(
        economy, title="Ports reopen", published_at=datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
    )
    stale_ru = make_article(
        economy_ru,
        language="ru",
        title="Порты открываются",
        translation_of=stale,
        published_at=datetime(2026, 11, 20, 8, 0, tzinfo=UTC),
    )
    register_existing_translation(stale, stale_ru)
    TranslationSource.objects.filter(object_id=stale.translation_key).update(
        last_updated_at=datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
    )
    # No Russian version at all; and one published the week before (not shown).
    lonely = make_article(
        world, title="Talks in Geneva", published_at=datetime(2026, 12, 4, 12, 0, tzinfo=UTC)
    )
    make_article(world, title="Last week", published_at=datetime(2026, 11, 27, 12, 0, tzinfo=UTC))
    # A draft scheduled through Wagtail's schedule (an approved revision with go-live).
    scheduled = make_article(world, title="Budget vote", live=False)
    scheduled.go_live_at = datetime(2026, 12, 6, 6, 0, tzinfo=UTC)
    revision = scheduled.save_revision()
    revision.publish()
    return {
        "translated": translated,
        "russian": russian,
        "stale": stale,
        "lonely": lonely,
        "scheduled": scheduled,
        "economy": economy,
    }


@pytest.fixture
def week(monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: NOW)
    return build_week()


def test_the_week_lists_scheduled_and_published_articles_by_local_day(week):
    days = week_calendar(WEEK)

    found = {(e.title, e.state): (e.at, day.day) for day in days for e in day.entries}
    assert set(found) == {
        ("Grain prices fall", PUBLISHED),
        ("Цены на зерно падают", PUBLISHED),
        ("Ports reopen", PUBLISHED),
        ("Talks in Geneva", PUBLISHED),
        ("Budget vote", SCHEDULED),
    }
    # 22:30 UTC on Tuesday is Wednesday in Moscow: the day is the site's, not UTC's.
    assert found[("Grain prices fall", PUBLISHED)][1].isoformat() == "2026-12-02"
    assert found[("Budget vote", SCHEDULED)] == (
        datetime(2026, 12, 6, 6, 0, tzinfo=UTC),
        WEEK.start + timedelta(days=6),
    )


def test_each_article_shows_its_translation_status(week):
    by_title = {e.title: e for e in entries(week_calendar(WEEK))}

    assert [(t.language, t.status) for t in by_title["Grain prices fall"].translations] == [
        ("ru", TRANSLATED)
    ]
    assert [(t.language, t.status) for t in by_title["Цены на зерно падают"].translations] == [
        ("en", TRANSLATED)
    ]
    assert by_title["Ports reopen"].translations[0].status == OUT_OF_STEP
    assert by_title["Talks in Geneva"].translations[0].status == MISSING
    assert by_title["Talks in Geneva"].section == "World"


def test_filters_by_language_and_section(week):
    russian = entries(week_calendar(WEEK, language="ru"))
    economy = entries(week_calendar(WEEK, section_key=str(week["economy"].translation_key)))

    assert [e.title for e in russian] == ["Цены на зерно падают"]
    # A section covers its translations: the Russian article of "Экономика" is in Economy.
    assert {e.title for e in economy} == {
        "Grain prices fall",
        "Цены на зерно падают",
        "Ports reopen",
    }


def test_other_weeks_are_reached_by_navigation(week):
    assert [e.title for e in entries(week_calendar(WEEK.previous))] == ["Last week"]
    assert entries(week_calendar(WEEK.next)) == []


def test_the_query_count_does_not_grow_with_the_week(week):
    with CaptureQueriesContext(connection) as few:
        week_calendar(WEEK)
    world = week["lonely"].get_parent()
    for n in range(6):
        make_article(
            world.specific, title=f"More {n}", published_at=datetime(2026, 12, 2, 10, tzinfo=UTC)
        )
    with CaptureQueriesContext(connection) as many:
        days = week_calendar(WEEK)

    assert len(entries(days)) == 11
    assert len(many) == len(few) <= 5


def test_the_admin_page_shows_the_week_in_the_named_time_zone(week, client):
    client.force_login(get_user_model().objects.create_superuser("ed", "ed@example.org", "pw"))
    url = reverse("sources_newsroom:calendar")

    page = client.get(url, {"week": "2026-12-02"}).content.decode()
    menu = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Europe/Moscow (MSK, UTC+03:00)" in page
    assert "Grain prices fall" in page and "Budget vote" in page
    assert "01:30" in page  # 22:30 UTC shown in Moscow time
    assert "out of step" in page and "missing" in page
    assert "week=2026-11-23" in page and "week=2026-12-07" in page
    assert url in menu
    filtered = client.get(url, {"week": "2026-12-02", "language": "ru"}).content.decode()
    assert "Цены на зерно падают" in filtered and "Grain prices fall" not in filtered
