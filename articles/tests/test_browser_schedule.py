"""The publishing schedule dialog in a real browser: the zone is named and the date picker
never covers "Save schedule" (issue 11: "the date picker covers 'Save schedule' and no time
zone is shown")."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from articles.testing.factories import make_article
from core.testing.browser import SCREENSHOTS

pytestmark = pytest.mark.browser

COVERED = """(selector) => {
    const button = document.querySelector(selector);
    const box = button.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return {hit: hit ? hit.outerHTML.slice(0, 200) : null, clickable: !!hit && button.contains(hit),
            box: [box.left, box.top, box.width, box.height]};
}"""


@pytest.fixture
def tab(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="en-GB")
    context.set_default_timeout(30_000)
    expect.set_options(timeout=15_000)
    try:
        yield context.new_page()
    finally:
        context.close()


def test_schedule_dialog_names_the_zone_and_the_picker_leaves_save_schedule_clickable(
    site_url, tab, settings
):
    settings.TIME_ZONE = "Europe/Moscow"
    get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    article = make_article(title="Budget vote")
    tab.goto(f"{site_url}/admin/login/?next=/admin/pages/{article.pk}/edit/")
    tab.get_by_label("Username").fill("editor")
    tab.get_by_label("Password").fill("pw")
    with tab.expect_navigation():
        tab.get_by_role("button", name="Sign in").click()

    tab.get_by_role("button", name="Toggle status").first.click()
    tab.get_by_role("button", name="Set schedule").first.click()
    dialog = tab.locator("#schedule-publishing-dialog")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("Time zone: Europe/Moscow (MSK, UTC+03:00)")

    expect(dialog.get_by_text("Time zone: Europe/Moscow")).to_have_count(2)  # both fields

    picker = tab.locator(".xdsoft_datetimepicker").filter(visible=True)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for field in ("go_live_at", "expire_at"):
        dialog.locator(f"input[name={field}]").click()
        expect(picker).to_have_count(1)
        tab.screenshot(path=SCREENSHOTS / f"schedule-dialog-{field}.png")
        result = tab.evaluate(COVERED, "#schedule-publishing-dialog button.action-save")
        assert result["clickable"], (
            f"with the {field} picker open, 'Save schedule' is covered by {result['hit']} "
            f"at {result['box']}"
        )
        expect(picker).to_have_count(1)  # measured with the picker still open
        dialog.get_by_role("heading", name="Set publishing schedule").click()  # close it
        expect(picker).to_have_count(0)
