"""The editor's Originality panel refreshes itself, in a real browser (Debian's chromium through
Playwright): an editor pastes a translation of the source into the dek and saves a draft; the
panel says "checking"; when the check is stored (here: the task run by the test, as the worker
would) the panel shows the share and the highlighted passages without a reload."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import override_settings
from playwright.sync_api import expect

from articles.testing.factories import body_blocks, make_article
from core.testing.browser import SCREENSHOTS
from integrity.guard import run_check
from integrity.models import OriginalityCheck
from sources.testing.factories import make_source_article
from sources.testing.originality_texts import (
    INTERPRETATION_EN,
    SOURCE_DE,
    SOURCE_DE_TITLE,
    TRANSLATIONS,
)

pytestmark = pytest.mark.browser

# The worker does not run in the live server: a saved draft's check waits, as in production
# until the task worker picks it up.
NO_TASK_RUNS = {
    "default": {
        "BACKEND": "django_tasks.backends.dummy.DummyBackend",
        "QUEUES": ["default", "ingest"],
    }
}


@pytest.fixture
def tab(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, locale="en-GB")
    context.set_default_timeout(30_000)
    expect.set_options(timeout=20_000)
    try:
        yield context.new_page()
    finally:
        context.close()


def test_the_panel_moves_from_checking_to_the_share_with_highlighted_passages(site_url, tab):
    with override_settings(TASKS=NO_TASK_RUNS):
        source = make_source_article(language="de", title=SOURCE_DE_TITLE, text=SOURCE_DE)
        page = make_article(
            body=body_blocks(INTERPRETATION_EN, subheading=None), sources=[source], live=False
        )
        get_user_model().objects.create_superuser("chief", "chief@example.org", "pw")

        tab.goto(f"{site_url}/admin/login/?next=/admin/pages/{page.pk}/edit/")
        tab.get_by_label("Username").fill("chief")
        tab.get_by_label("Password").fill("pw")
        with tab.expect_navigation():
            tab.get_by_role("button", name="Sign in").click()

        # Paste a translation of the source into the dek and save a draft.
        tab.locator("textarea[name=dek]").fill(TRANSLATIONS["en"])
        with tab.expect_navigation():
            tab.get_by_role("button", name="Save draft").click()
        panel = tab.locator("[data-originality-panel]")
        expect(panel).to_have_attribute("data-originality-state", "checking")
        expect(panel.locator("[data-originality-checking]")).to_be_visible()
        assert not OriginalityCheck.objects.filter(page=page).exists()

        # The worker runs the queued check; the open editor learns it by itself.
        page.refresh_from_db()
        check = run_check(page.latest_revision_id)
        assert check is not None and check.flagged

        expect(panel.locator("[data-originality-share]")).to_have_text(
            f"{round(check.share * 100)} %"
        )
        expect(tab.locator("[data-originality-panel]")).to_have_attribute(
            "data-originality-state", "done"
        )
        marks = tab.locator("[data-originality-panel] mark")
        expect(marks.first).to_be_visible()
        assert marks.count() >= 2  # the article's passage and the source's, side by side
        assert (
            "Checking the latest version"
            not in tab.locator("[data-originality-panel]").inner_text()
        )
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=SCREENSHOTS / "integrity-panel-refreshed.png", full_page=True)
