"""A reader's path through the real site in a real browser: English article -> Russian translation.

Drives Debian's /usr/bin/chromium through Playwright (never a downloaded browser) against
pytest-django's live server, with the demo content loaded into the test database. Screenshots of
both pages land in test-artifacts/screenshots/ (git-ignored) for a human to look at.
"""

from __future__ import annotations

import math

import pytest
from django.conf import settings
from django.utils import timezone

from articles.models import ArticlePage
from core.testing.browser import SCREENSHOTS
from newsroom.demo import content
from newsroom.demo.loader import DemoLoader
from sources.models import Outlet

pytestmark = pytest.mark.browser

# Written out here rather than taken from Django's formats, so the test checks the product's
# Russian date against an independent source of truth.
RU_MONTHS_GENITIVE = (
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
)


def russian_minutes_word(n: int) -> str:
    """CLDR plural rule for Russian: 1, 21 -> one; 2-4, 22-24 -> few; the rest -> many."""
    if n % 10 == 1 and n % 100 != 11:
        return "минута"
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return "минуты"
    return "минут"


def russian_today_line(day) -> str:
    return f"Сегодня: {day.day} {RU_MONTHS_GENITIVE[day.month - 1]} {day.year}"


@pytest.fixture
def demo_site(restore_migrated_data, browser, live_server, django_db_serialized_rollback) -> str:
    """The demo content in the live server's database; returns the server's base URL.

    Loading the demo (images, renditions, 30+ pages) takes a while, so the module's checks share
    one load instead of repeating it per test.
    """
    DemoLoader(content).run()
    return live_server.url


# Cards below the fold use loading="lazy"; a full-page screenshot does not scroll, so load them
# all now and report any picture the browser could not fetch or decode.
LOAD_ALL_IMAGES_JS = """async () => {
  const images = [...document.images];
  images.filter((img) => img.loading === "lazy").forEach((img) => { img.loading = "eager"; });
  await Promise.all(images.map((img) => img.decode().catch(() => null)));
  return images.filter((img) => !img.complete || img.naturalWidth === 0)
    .map((img) => img.currentSrc || img.src);
}"""


def broken_images(tab) -> list[str]:
    return tab.evaluate(LOAD_ALL_IMAGES_JS)


def demo_article(language: str) -> ArticlePage:
    spec = content.ARTICLES[0]
    slug = spec["slug"] if language == "en" else spec["slug_ru"]
    return ArticlePage.objects.live().get(slug=slug, locale__language_code=language)


def test_reader_switches_from_english_article_to_russian_translation_on_desktop_and_phone(
    demo_site, browser
):
    en_page = demo_article("en")
    ru_page = demo_article("ru")
    assert en_page.translation_key == ru_page.translation_key
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    try:
        tab = context.new_page()
        days_before = timezone.localdate()
        response = tab.goto(demo_site + en_page.url)
        assert response is not None and response.status == 200
        assert tab.locator("html").get_attribute("lang") == "en"
        assert tab.locator("h1.article__title").inner_text() == en_page.title
        assert broken_images(tab) == []
        tab.screenshot(path=SCREENSHOTS / "article-en.png", full_page=True)

        switch = tab.locator("header.site-header a.language-switch[data-language='ru']")
        assert switch.count() == 1
        with tab.expect_navigation():
            switch.click()
        days_after = timezone.localdate()

        assert tab.url == demo_site + ru_page.url
        assert tab.locator("html").get_attribute("lang") == "ru"
        assert tab.locator("h1.article__title").inner_text() == ru_page.title

        date_line = tab.locator(".site-header__date").inner_text().strip()
        assert date_line in {russian_today_line(days_before), russian_today_line(days_after)}

        minutes = max(1, math.ceil(ru_page.word_count / settings.NEWSDESK_READING_WPM["ru"]))
        reading = tab.locator(".article__reading-time").inner_text().strip()
        assert reading == f"{minutes} {russian_minutes_word(minutes)} чтения"

        attribution = tab.locator("aside.attribution")
        assert attribution.locator("h2").text_content() == "Источники и права"
        based_on = attribution.locator(".attribution__based-on").inner_text()
        assert "основанная на материалах" in based_on
        source_links = list(ru_page.source_links.select_related("source_article__outlet"))
        assert source_links
        for link in source_links:
            outlet_ru = Outlet.objects.get(
                translation_key=link.source_article.outlet.translation_key,
                locale=ru_page.locale,
            )
            assert outlet_ru.name in based_on
            anchor = attribution.locator(f"a[href='{link.source_article.url}']")
            assert anchor.count() == 1
            assert anchor.inner_text() == link.source_article.title
        disclaimer = attribution.locator(".attribution__disclaimer").inner_text()
        assert disclaimer.startswith("Автор не претендует на авторство")
        assert attribution.locator(".attribution__rights").inner_text().startswith("Правообладател")

        assert broken_images(tab) == []
        tab.screenshot(path=SCREENSHOTS / "article-ru.png", full_page=True)
    finally:
        context.close()
    assert (SCREENSHOTS / "article-en.png").stat().st_size > 0
    assert (SCREENSHOTS / "article-ru.png").stat().st_size > 0

    # The same two articles on a small phone: nothing may stick out sideways.
    for language, page in (("en", en_page), ("ru", ru_page)):
        scroll_width = scroll_width_at_360px(browser, demo_site + page.url, language)
        assert scroll_width <= 360, f"{language} article is {scroll_width}px wide at 360px"


def scroll_width_at_360px(browser, url: str, language: str) -> int:
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=1)
    try:
        tab = context.new_page()
        response = tab.goto(url)
        assert response is not None and response.status == 200
        assert broken_images(tab) == []
        tab.screenshot(path=SCREENSHOTS / f"article-{language}-360.png", full_page=True)
        return tab.evaluate("document.scrollingElement.scrollWidth")
    finally:
        context.close()
