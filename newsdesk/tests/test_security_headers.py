"""Security headers: a strict CSP on reader pages that real pages pass in Chromium without a
single violation (console messages and `securitypolicyviolation` events), and an admin that
keeps working outside that policy."""

from __future__ import annotations

import pytest
from django.test import Client

from articles.testing.factories import make_article, make_section
from core.testing.factories import make_image

VIOLATIONS_JS = """() => {
  window.__cspViolations = [];
  document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
  });
}"""


def build_site():
    world_en = make_section("en", title="World", slug="world")
    world_ru = make_section("ru", title="Мир", slug="world", translation_of=world_en)
    article = make_article(
        world_en, title="Ferry port reopens", slug="ferry", tags=["Transport"],
        lead_image=make_image(),
    )  # fmt: skip
    make_article(
        world_ru, title="Паромный порт открылся", slug="ferry", tags=["Transport"],
        translation_of=article, lead_image=make_image(),
    )  # fmt: skip


READER_PAGES = [
    "/en/",
    "/ru/",
    "/en/world/ferry/",
    "/ru/world/ferry/",
    "/en/search/?q=ferry",
    "/ru/search/?q=паром",
    "/en/tags/transport/",
]


@pytest.mark.django_db
def test_reader_pages_send_the_policy_and_the_usual_headers():
    build_site()
    client = Client()
    for url in READER_PAGES:
        response = client.get(url)
        assert response.status_code == 200, url
        policy = response["Content-Security-Policy"]
        assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
        assert "'unsafe-inline'" not in policy
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_the_admin_is_outside_the_reader_policy_and_logs_in(django_user_model):
    django_user_model.objects.create_superuser("editor", "e@example.org", "pw-for-the-test")
    client = Client()
    login = client.get("/admin/login/")
    assert login.status_code == 200
    assert "Content-Security-Policy" not in login
    response = client.post(
        "/admin/login/", {"username": "editor", "password": "pw-for-the-test"}, follow=True
    )
    assert response.status_code == 200
    assert response.wsgi_request.user.is_authenticated


@pytest.mark.browser
def test_reader_pages_cause_no_csp_violation_in_chromium(  # one live-server test per module
    restore_migrated_data, browser, live_server, django_db_serialized_rollback
):
    build_site()
    context = browser.new_context()
    context.add_init_script(f"({VIOLATIONS_JS})()")
    tab = context.new_page()
    messages: list[str] = []
    tab.on("console", lambda message: messages.append(f"{message.type}: {message.text}"))
    found: dict[str, list[str]] = {}
    try:
        for url in READER_PAGES:
            response = tab.goto(live_server.url + url, wait_until="load")
            assert response is not None and response.status == 200, url
            assert "default-src 'self'" in response.headers["content-security-policy"]
            tab.wait_for_timeout(100)  # violation events are dispatched asynchronously
            events = tab.evaluate("window.__cspViolations")
            console = [m for m in messages if "Content Security Policy" in m]
            if events or console:
                found[url] = events + console
            messages.clear()
        assert found == {}
        # The listener is live: a script injected into a reader page is blocked and reported.
        tab.evaluate(
            """() => { const s = document.createElement("script");
                       s.textContent = "window.__ran = 1"; document.body.append(s); }"""
        )
        tab.wait_for_timeout(200)
        assert tab.evaluate("window.__ran") is None
        assert any("script-src" in v for v in tab.evaluate("window.__cspViolations"))
        assert any("Content Security Policy" in m for m in messages)
    finally:
        context.close()
