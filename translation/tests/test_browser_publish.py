"""Translate → publish in a real browser with nothing going wrong unseen.

An editor (Debian's chromium through Playwright) translates an English article by hand: the
target locale is preselected, the editor says no machine translation is configured, the title
is translated in the React editor, the slug follows it. Publishing with a paragraph left in
English is refused *on screen*, naming the paragraph; the explicit "Publish anyway" publishes and
is logged. Throughout, the browser console has no errors and no request gets a 4xx/5xx answer.
"""

from __future__ import annotations

import re

import pytest
from django.test import override_settings
from playwright.sync_api import expect
from wagtail.models import PageLogEntry

from articles.testing.factories import body_blocks
from core.testing.factories import make_locales
from translation import views

from . import test_browser_translation as shared
from .conftest import make_editor, make_english_article, russian_page
from .test_browser_translation import messages, shot, visible

tab = shared.tab  # the shared fixture (site_url comes from core.testing.browser)

pytestmark = pytest.mark.browser

TITLE = "Ministers meet in Brussels"
TITLE_RU = "Министры встретились в Брюсселе"


def watch(page, origin: str) -> list[str]:
    """Console errors and failed (>= 400) answers of the site, as they happen.

    Outside hosts are not reachable from tests (the admin's Gravatar avatars fail to resolve);
    their failures are not the site's and are left out.
    """
    problems: list[str] = []

    def on_console(message) -> None:
        if message.type == "error" and message.location.get("url", "").startswith(origin):
            problems.append(f"console: {message.text} @ {message.location}")

    page.on("console", on_console)
    page.on(
        "response",
        lambda r: (
            r.status >= 400
            and r.url.startswith(origin)
            and problems.append(f"{r.status} {r.request.method} {r.url}")
        ),
    )
    page.on("pageerror", lambda err: problems.append(f"pageerror: {err}"))
    return problems


def translate_segment(page, source: str, text: str) -> None:
    segment = visible(page.locator("li.incomplete").filter(has_text=source))
    segment.get_by_role("button", name="Translate").click()
    segment.locator("textarea").fill(text)
    with page.expect_response(re.compile(r"/strings/\d+/edit/")) as answer:
        segment.get_by_role("button", name="Save").click()
    assert answer.value.status in (200, 201)
    expect(visible(page.locator("li.complete").filter(has_text=source))).to_have_count(1)


@override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=None)
def test_translate_and_publish_shows_every_refusal_on_screen_and_logs_no_errors(site_url, tab):
    editor = make_editor()
    page = make_english_article(
        title=TITLE,
        body=body_blocks(
            "Talks lasted all night.", "Both sides blamed the other.", subheading=None
        ),
    )
    ru = make_locales()["ru"]
    problems = watch(tab, site_url)

    tab.goto(f"{site_url}/admin/login/?next=/admin/pages/{page.id}/edit/")
    tab.get_by_label("Username").fill(editor.username)
    tab.get_by_label("Password").fill("pw")
    with tab.expect_navigation():
        tab.get_by_role("button", name="Sign in").click()

    # --- "Translate this page": Russian, the only locale left, is already ticked -------------
    header_actions = tab.get_by_role("navigation", name="Actions", exact=True)
    header_actions.get_by_role("button", name="Actions").click()
    tab.get_by_role("link", name="Translate this page").click()
    expect(tab.get_by_label("Russian")).to_be_checked()
    with tab.expect_navigation():
        tab.get_by_role("button", name="Submit").click()
    ru_page = russian_page(page)
    assert tab.url == f"{site_url}/admin/pages/{ru_page.id}/edit/"

    # --- the editor says there is no machine translation, and how to set it up --------------
    expect(messages(tab)).to_contain_text("No machine translation is configured")
    expect(messages(tab)).to_contain_text("docs/translation.md")
    shot(tab, "publish-1-editor")

    # --- translate everything but the second paragraph, by hand ----------------------------
    translate_segment(tab, TITLE, TITLE_RU)
    translate_segment(tab, "The summit ended without agreement.", "Саммит закончился ничем.")
    translate_segment(tab, "Talks lasted all night.", "Переговоры шли всю ночь.")
    preview = tab.locator("a", has_text="Preview").first.get_attribute("href")
    answer = tab.context.request.get(site_url + preview)
    assert answer.status == 200 and TITLE_RU in answer.text()

    # --- publish: refused on screen, naming the paragraph left in English ------------------
    with tab.expect_navigation():
        tab.get_by_role("button", name="Publish in Russian").click()
    expect(messages(tab)).to_contain_text("1 segment has no Russian translation")
    expect(messages(tab)).to_contain_text("Body › Paragraph 2")
    shot(tab, "publish-2-refused")
    ru_page.refresh_from_db()
    assert not ru_page.live
    # The slug was derived from the translated title; it is not reported missing.
    expect(messages(tab)).not_to_contain_text("Slug")

    # --- the explicit confirmation publishes, and is logged --------------------------------
    with tab.expect_navigation():
        messages(tab).get_by_role("button", name=re.compile("Publish anyway")).click()
    expect(messages(tab)).to_contain_text("Published")
    shot(tab, "publish-3-published")
    ru_page.refresh_from_db()
    assert ru_page.live
    assert ru_page.title == TITLE_RU
    assert ru_page.slug == "ministry-vstretilis-v-bryussele"
    assert ru_page.locale == ru
    entry = PageLogEntry.objects.get(page=ru_page, action=views.UNTRANSLATED_ACTION)
    assert entry.data["segments"] == ["Body › Paragraph 2"]

    # Give the editor's background requests (editing-session pings) time to run.
    tab.wait_for_timeout(12_000)
    assert problems == [], "\n".join(problems)
