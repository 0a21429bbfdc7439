"""The panel's JSON (integrity:panel) that its script polls: "checking" until the latest
revision's check is stored, then the rendered result; only for users who may edit the page."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import override_settings
from django.urls import reverse

from integrity.guard import run_check
from integrity.tests.test_guard import COPIED_PARAGRAPHS, draft, editor
from sources.testing.factories import make_source_article
from sources.testing.originality_texts import SOURCE_DE, SOURCE_DE_TITLE

pytestmark = pytest.mark.django_db

NO_TASK_RUNS = {
    "default": {
        "BACKEND": "django_tasks.backends.dummy.DummyBackend",
        "QUEUES": ["default", "ingest"],
    }
}


@override_settings(TASKS=NO_TASK_RUNS)
def test_the_panel_json_says_checking_until_the_check_is_stored(client):
    source = make_source_article(language="de", title=SOURCE_DE_TITLE, text=SOURCE_DE)
    page = draft(source, COPIED_PARAGRAPHS)
    url = reverse("integrity:panel", args=[page.pk])
    client.force_login(editor("plain", override=False))

    edit_html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert 'data-originality-state="checking"' in edit_html
    assert "integrity/originality-panel.js" in edit_html  # the script that polls, not inline
    data = client.get(url).json()
    assert data["state"] == "checking" and "<mark>" not in data["html"]

    check = run_check(page.latest_revision_id)
    data = client.get(url).json()
    assert data["state"] == "done"
    assert f"{round(check.share * 100)} %" in data["html"] and "<mark>" in data["html"]

    page.get_latest_revision_as_object().save_revision()  # a newer version waits again
    assert client.get(url).json()["state"] == "checking"


def test_the_panel_json_is_only_for_editors_of_the_page(client):
    source = make_source_article(language="de", title=SOURCE_DE_TITLE, text=SOURCE_DE)
    page = draft(source, COPIED_PARAGRAPHS)
    outsider = get_user_model().objects.create_user("reader", "r@example.org", "pw")
    client.force_login(outsider)
    assert client.get(reverse("integrity:panel", args=[page.pk])).status_code in (302, 403)
