"""No WCAG 2.2 AA violations on any reader page type, in both languages (axe-core in Chromium).

axe-core is the engine Lighthouse's accessibility audit uses; axe-playwright-python bundles it
(nothing is downloaded) and runs it inside Debian's /usr/bin/chromium against the live server,
with the demo content loaded and DEBUG off (pytest-django's live server), so error pages are
the ones readers get. Each page is checked against the WCAG 2.0/2.1/2.2 A and AA rules plus
axe's landmark rules (the search page once had two unnamed search landmarks).
"""

from __future__ import annotations

from urllib.parse import quote

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings

from articles.models import ArticlePage
from newsroom.demo import content
from newsroom.demo.loader import DemoLoader

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
LANDMARK_RULES = ["landmark-unique", "landmark-one-main", "region", "page-has-heading-one"]


@pytest.fixture
def demo_site(restore_migrated_data, browser, live_server, django_db_serialized_rollback) -> str:
    DemoLoader(content).run()
    return live_server.url


def reader_pages() -> list[tuple[str, str, str]]:
    """(kind, language, path) of every reader page type in both languages, from the demo."""
    first = content.ARTICLES[0]
    tag = {lang: first["tags"][lang][0].lower() for lang in ("en", "ru")}
    author = content.AUTHORS[0]["key"]
    pages = []
    for lang in ("en", "ru"):
        article = (
            ArticlePage.objects.live()
            .filter(locale__language_code=lang, slug=first["slug" if lang == "en" else "slug_ru"])
            .get()
        )
        pages += [
            ("home", lang, f"/{lang}/"),
            ("section", lang, f"/{lang}/{first['section']}/"),
            ("tag", lang, f"/{lang}/tags/{quote(tag[lang])}/"),
            ("article", lang, article.url),
            ("author", lang, f"/{lang}/authors/{author}/"),
            ("about", lang, f"/{lang}/{content.PAGES[0]['slug']}/"),
            ("search", lang, f"/{lang}/search/?q={quote(first[lang]['title'].split()[1])}"),
            ("empty search", lang, f"/{lang}/search/"),
            ("not found", lang, f"/{lang}/no-such-page/"),
        ]
    return pages


def violations(axe: Axe, tab) -> list[str]:
    found = []
    for options in (
        {"runOnly": {"type": "tag", "values": WCAG_TAGS}},
        {"runOnly": {"type": "rule", "values": LANDMARK_RULES}},
    ):
        result = axe.run(tab, options={**options, "resultTypes": ["violations"]})
        for violation in result.response["violations"]:
            targets = [", ".join(node["target"]) for node in violation["nodes"]][:5]
            found.append(f"{violation['id']} ({violation['impact']}): {targets}")
    return found


def test_no_wcag_22_aa_violations_on_reader_pages_in_both_languages(demo_site, browser):
    assert not settings.DEBUG
    axe = Axe()
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    context.set_default_timeout(30_000)
    report: dict[str, list[str]] = {}
    checked = []
    try:
        tab = context.new_page()
        for kind, lang, path in reader_pages():
            response = tab.goto(demo_site + path)
            expected = 404 if kind == "not found" else 200
            assert response is not None and response.status == expected, (kind, lang, path)
            assert tab.locator("html").get_attribute("lang") == lang
            found = violations(axe, tab)
            checked.append((kind, lang))
            if found:
                report[f"{kind} [{lang}] {path}"] = found
    finally:
        context.close()
    assert len(checked) == 18
    assert report == {}
