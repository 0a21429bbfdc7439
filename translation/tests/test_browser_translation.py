"""The translation workflow end to end in a real browser, as an editor and then a reader.

An editor logs in to the Wagtail admin in Debian's chromium (driven by Playwright), submits an
English article for translation into Russian, pre-fills it with the fake LibreTranslate server on
127.0.0.1 (real HTTP through the product's real client), is refused when publishing unreviewed
machine output, approves it on the review screen and publishes. A reader then follows the header
language link from the English page to the Russian one and back. Screenshots of every step land in
test-artifacts/screenshots/ (git-ignored).
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from core.testing.browser import SCREENSHOTS
from core.testing.factories import make_locales
from translation import services

from .conftest import make_editor, make_english_article
from .fake_servers import fake_libretranslate
from .test_machine_workflow import libretranslate_settings

pytestmark = pytest.mark.browser

TITLE = "Ministers meet in Brussels"
TITLE_RU = "[ru] Ministers meet in Brussels"  # what the fake LibreTranslate answers
PASSWORD = "pw"  # make_editor's password; MD5 hashing in test settings keeps login fast


@pytest.fixture
def tab(browser):
    """A fresh browser tab in its own context (own cookies)."""
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, locale="en-GB")
    # Generous on a loaded 2-core machine; these are ceilings for auto-waiting, not sleeps.
    context.set_default_timeout(30_000)
    expect.set_options(timeout=15_000)
    try:
        yield context.new_page()
    finally:
        context.close()


def shot(tab, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=SCREENSHOTS / f"translation-{name}.png", full_page=True)


def messages(tab):
    """Wagtail's admin message list (success, warning and error messages)."""
    return tab.locator(".messages")


def visible(locator):
    """The editor repeats its toolbox in every tab panel; only the active one is visible."""
    return locator.filter(visible=True)


def test_editor_translates_prefills_by_machine_reviews_publishes_and_readers_switch_language(
    site_url, tab
):
    editor = make_editor()
    page = make_english_article(title=TITLE)
    ru = make_locales()["ru"]
    assert not Translation.objects.filter(source__object_id=page.translation_key).exists()

    with fake_libretranslate() as server, libretranslate_settings(server.url, TIMEOUT=10):
        # --- log in and open the English article's "Translate this page" action -------------
        tab.goto(f"{site_url}/admin/login/?next=/admin/pages/{page.id}/edit/")
        tab.get_by_label("Username").fill(editor.username)
        tab.get_by_label("Password").fill(PASSWORD)
        with tab.expect_navigation():
            tab.get_by_role("button", name="Sign in").click()
        assert tab.url == f"{site_url}/admin/pages/{page.id}/edit/"

        header_actions = tab.get_by_role("navigation", name="Actions", exact=True)
        header_actions.get_by_role("button", name="Actions").click()
        tab.get_by_role("link", name="Translate this page").click()
        expect(tab.get_by_role("heading", name=re.compile("Translate page"))).to_be_visible()
        shot(tab, "1-submit")

        # --- choose Russian and submit ------------------------------------------------------
        tab.get_by_label("Russian").check()
        with tab.expect_navigation():
            tab.get_by_role("button", name="Submit").click()
        expect(messages(tab)).to_contain_text("successfully submitted for translation into Russian")
        translation = Translation.objects.get(
            source__object_id=page.translation_key, target_locale=ru
        )
        ru_page = translation.get_target_instance()
        assert tab.url == f"{site_url}/admin/pages/{ru_page.id}/edit/"
        assert not ru_page.live  # WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
        # The React translation editor is up: the English title is a segment waiting for Russian.
        expect(visible(tab.locator("li.incomplete").filter(has_text=TITLE))).to_have_count(1)
        expect(tab.get_by_text(TITLE_RU)).to_have_count(0)

        # --- machine pre-fill from the fake LibreTranslate ----------------------------------
        translate_button = visible(tab.get_by_role("button", name="Translate with LibreTranslate"))
        expect(translate_button).to_be_enabled()
        with tab.expect_navigation():
            translate_button.click()
        expect(messages(tab)).to_contain_text("Translated the missing segments with LibreTranslate")
        shot(tab, "2-machine-prefilled")

        # The fake server was asked over HTTP, English to Russian, and its answers fill the
        # segments the editor shows.
        assert server.state.requests, "the fake LibreTranslate server was never called"
        sent = [r["json"] for r in server.state.requests]
        assert all(r["source"] == "en" and r["target"] == "ru" for r in sent)
        asked = [q for r in sent for q in r["q"]]
        assert TITLE in asked
        for source in (
            TITLE,
            "The summit ended without agreement.",
            "Talks lasted all night.",
            "Both sides blamed the other.",
        ):
            # Each segment shows its English source, the machine's Russian and the tool's note.
            segment = visible(tab.locator("li.complete").filter(has_text=source))
            expect(segment).to_have_count(1)
            expect(segment.locator("p").filter(has_text=f"[ru] {source}")).to_have_count(1)
            expect(segment).to_contain_text("Translated with LibreTranslate")
        segments = StringSegment.objects.filter(source=translation.source).count()
        pending = services.unreviewed_machine_segments(translation)
        assert pending.count() == segments
        assert set(pending.values_list("tool_name", flat=True)) == {"LibreTranslate"}
        # The editor reminds how many machine segments still await review.
        expect(messages(tab)).to_contain_text(
            f"{segments} machine-translated segments await review before publishing."
        )

        # --- publishing unreviewed machine output is refused --------------------------------
        publish_button = tab.get_by_role("button", name="Publish in Russian")
        with tab.expect_navigation():
            publish_button.click()
        expect(messages(tab)).to_contain_text("have not been reviewed")
        shot(tab, "3-publish-refused")
        ru_page.refresh_from_db()
        assert not ru_page.live
        assert tab.url == f"{site_url}/admin/pages/{ru_page.id}/edit/"
        # Readers cannot see the machine text yet.
        assert tab.context.request.get(site_url + ru_page.url).status == 404

        # --- approve every machine segment on the review screen -----------------------------
        with tab.expect_navigation():
            messages(tab).get_by_role("link", name="Review machine translations").first.click()
        assert tab.url == f"{site_url}/admin/translation/review/{translation.id}/"
        review = tab.locator("table[data-machine-review]")
        expect(review.locator("tbody tr")).to_have_count(segments)
        expect(review).to_contain_text(TITLE_RU)
        boxes = review.get_by_role("checkbox")
        for i in range(boxes.count()):
            boxes.nth(i).check()
        shot(tab, "4-review")
        with tab.expect_navigation():
            tab.get_by_role("button", name="Approve selected").click()
        expect(messages(tab)).to_contain_text(f"Approved {segments} machine-translated segment(s).")
        expect(tab.locator("[data-machine-review-empty]")).to_be_visible()
        assert not services.unreviewed_machine_segments(translation).exists()
        approved = StringTranslation.objects.get(
            locale=ru, translation_of__data=TITLE, context__path="title"
        )
        assert approved.data == TITLE_RU  # approval keeps the machine text
        assert approved.tool_name == "LibreTranslate, reviewed"
        assert approved.last_translated_by == editor

        # --- back in the editor, publish ----------------------------------------------------
        with tab.expect_navigation():
            tab.get_by_role("link", name="Back to the translation").click()
        publish_button = tab.get_by_role("button", name="Publish in Russian")
        expect(publish_button).to_be_visible()
        expect(tab.get_by_text("await review")).to_have_count(0)
        with tab.expect_navigation():
            publish_button.click()
        expect(messages(tab)).to_contain_text(f"Published '{TITLE_RU}' in Russian.")
        shot(tab, "5-published")
        ru_page.refresh_from_db()
        assert ru_page.live
        assert ru_page.title == TITLE_RU

    # --- the reader: English page -> header language link -> Russian page -> back ----------
    page.refresh_from_db()
    en_url = site_url + page.url
    ru_url = site_url + ru_page.url
    assert en_url != ru_url
    response = tab.goto(en_url)
    assert response is not None and response.status == 200
    expect(tab.locator("h1.article__title")).to_have_text(TITLE)
    shot(tab, "6-public-en")

    with tab.expect_navigation():
        tab.locator("header.site-header a.language-switch[data-language='ru']").click()
    assert tab.url == ru_url
    assert tab.locator("html").get_attribute("lang") == "ru"
    expect(tab.locator("h1.article__title")).to_have_text(TITLE_RU)
    shot(tab, "7-public-ru")

    with tab.expect_navigation():
        tab.locator("header.site-header a.language-switch[data-language='en']").click()
    assert tab.url == en_url
    assert tab.locator("html").get_attribute("lang") == "en"
    expect(tab.locator("h1.article__title")).to_have_text(TITLE)
