"""The extraction rule's preview on the outlet's latest article, and the feed-health report."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from core.testing.fake_web import FakeWeb
from sources.models import ExtractionRule, Feed, FeedRule
from sources.testing.factories import make_outlet, make_source_article

pytestmark = pytest.mark.django_db

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Bay Gazette</title></head><body>
<div class="promo"><h1>Subscribe to the Bay Gazette</h1>
<p>Every story, every morning, for free.</p></div>
<div class="odd"><b class="hed">Lighthouse keeper retires after forty years</b>
<div class="txt"><p>The keeper of the Velmora lighthouse retired on Friday.</p>
<p>The light is automatic now; the keeper's cottage becomes a museum.</p></div></div>
</body></html>"""


def test_preview_shows_the_unsaved_rule_on_the_latest_article(
    admin_client, fake_web: FakeWeb
) -> None:
    fake_web.add("/keeper.html", PAGE, content_type="text/html; charset=utf-8")
    outlet = make_outlet("Bay Gazette Test", language="en")
    make_source_article(outlet=outlet, url="https://old.example.org/a", title="Older")
    make_source_article(outlet=outlet, url=fake_web.url("/keeper.html"), title="Latest")

    response = admin_client.post(
        reverse("sources_newsroom:extraction_preview"),
        {"outlet": outlet.pk, "title": "b.hed", "body": "//div[@class='txt']", "author": ".nobody"},
    )
    html = response.content.decode()

    assert response.status_code == 200
    assert "Lighthouse keeper retires after forty years" in html
    assert "The keeper of the Velmora lighthouse retired on Friday." in html
    assert "selector matched nothing" in html  # the author selector
    assert not ExtractionRule.objects.exists()  # previewing saves nothing


def test_preview_reports_an_invalid_selector(admin_client) -> None:
    outlet = make_outlet(language="en")
    make_source_article(outlet=outlet)

    html = admin_client.post(
        reverse("sources_newsroom:extraction_preview"), {"outlet": outlet.pk, "title": "div[["}
    ).content.decode()

    assert "not a valid CSS selector" in html


def test_rule_form_offers_the_preview(admin_client) -> None:
    html = admin_client.get(reverse("wagtailsnippets_sources_extractionrule:add")).content.decode()

    assert f'formaction="{reverse("sources_newsroom:extraction_preview")}"' in html


def test_feed_health_has_a_heading_a_per_feed_table_and_the_broken_rules(admin_client) -> None:
    outlet = make_outlet("Bay Gazette Health", language="en")
    now = timezone.now()
    ok = Feed.objects.create(
        outlet=outlet,
        url="https://gazette.example.org/ok.xml",
        last_polled_at=now,
        last_success_at=now,
        next_poll_at=now,
    )
    Feed.objects.create(
        outlet=outlet,
        url="https://gazette.example.org/broken.xml",
        last_polled_at=now,
        last_error="FetchError: 503",
        consecutive_failures=2,
    )
    ExtractionRule.objects.create(
        outlet=outlet, title="h1.gone", missed_fields=["title"], last_checked_at=now
    )
    FeedRule.objects.bulk_create(
        [
            FeedRule(
                feed=ok, action="block", kind="regex", pattern="(a|aa)+$", last_error="timed out"
            )
        ]
    )

    html = admin_client.get(reverse("sources_newsroom:feed_health")).content.decode()

    assert "<h1" in html and "Feed health" in html.split("<h1", 1)[1].split("</h1>", 1)[0]
    table = html.split("feed-health-all", 1)[1]
    assert "https://gazette.example.org/ok.xml" in table and "FetchError: 503" in table
    assert "Extraction rules that stopped matching" in html and "Bay Gazette Health" in html
    assert "Feed rules that timed out" in html and "(a|aa)+$" in html


def test_source_updates_report_is_headed_by_its_title(admin_client) -> None:
    html = admin_client.get(reverse("sources_newsroom:source_updates")).content.decode()

    assert "Sources updated since publication" in html.split("<h1", 1)[1].split("</h1>", 1)[0]
