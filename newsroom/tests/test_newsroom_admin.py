"""The newsroom inbox, article detail, "Write interpretation" and the reports, through the admin
with a logged-in superuser."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import ArticlePage
from articles.testing.factories import make_article, make_section
from sources.ingest.records import ArticleData
from sources.ingest.storage import store_article
from sources.models import Feed, SourceArticle, SourceArticleVersion, Story
from sources.testing.factories import make_outlet, make_source_article

pytestmark = pytest.mark.django_db

INBOX = "wagtailsnippets_sources_sourcearticle:list"
INSPECT = "wagtailsnippets_sources_sourcearticle:inspect"


def ingested(outlet, url: str, title: str, text: str, **kw) -> SourceArticle:
    """An article stored the way ingest stores it (version 1 included)."""
    data = ArticleData(url=url, link=url, title=title, text=text, html=f"<p>{text}</p>", **kw)
    store_article(outlet, None, data)
    return SourceArticle.objects.get(url=url)


@pytest.fixture
def story_pair():
    de = make_outlet("Nordkurier Test", language="de")
    en = make_outlet("Harbour Gazette Test", language="en")
    story = Story.objects.create(title="Bridge reopens")
    a = ingested(
        de,
        "https://nordkurier.example.org/bruecke",
        "Hafenbrücke wieder offen",
        "Die Brücke ist nach zwei Jahren wieder offen.",
        language="de",
        lead_image_credit="Ilse Haugen",
        lead_image_caption="Die Brücke am Morgen.",
    )
    b = ingested(
        en,
        "https://gazette.example.org/bridge",
        "Harbour bridge reopens",
        "The bridge is open again after two years.",
        language="en",
    )
    SourceArticle.objects.filter(pk__in=[a.pk, b.pk]).update(story=story)
    a.refresh_from_db()
    b.refresh_from_db()
    return a, b


def test_inbox_lists_articles_and_filters_by_outlet_status_language_and_search(
    admin_client, story_pair
) -> None:
    a, b = story_pair
    SourceArticle.objects.filter(pk=b.pk).update(status="dismissed")

    everything = admin_client.get(reverse(INBOX)).content.decode()
    by_outlet = admin_client.get(reverse(INBOX), {"outlet": a.outlet_id}).content.decode()
    dismissed = admin_client.get(reverse(INBOX), {"status": "dismissed"}).content.decode()
    german = admin_client.get(reverse(INBOX), {"language": "de"}).content.decode()
    searched = admin_client.get(reverse(INBOX), {"q": "after two years"}).content.decode()
    by_story = admin_client.get(reverse(INBOX), {"story": a.story_id}).content.decode()

    assert a.title in everything and b.title in everything
    assert a.title in by_outlet and b.title not in by_outlet
    assert b.title in dismissed and a.title not in dismissed
    assert a.title in german and b.title not in german
    assert b.title in searched and a.title not in searched  # matched in the text only
    assert a.title in by_story and b.title in by_story
    assert reverse(INSPECT, args=[a.pk]) in everything  # titles open the detail view


def test_detail_shows_text_versions_and_the_other_outlets_article(admin_client, story_pair):
    a, b = story_pair
    store_article(
        a.outlet,
        None,
        ArticleData(
            url=a.url,
            link=a.url,
            title=a.title,
            text="Die Brücke ist seit Montag wieder offen.",
            html="<p>Die Brücke ist seit Montag wieder offen.</p><script>alert(1)</script>",
        ),
    )

    html = admin_client.get(reverse(INSPECT, args=[a.pk])).content.decode()

    assert "Die Brücke ist seit Montag wieder offen." in html
    assert "-Die Brücke ist nach zwei Jahren wieder offen." in html
    assert "+Die Brücke ist seit Montag wieder offen." in html
    assert "Version 2" in html and "Version 1" in html
    assert b.title in html and "Harbour Gazette Test" in html
    assert "alert(1)" not in html


def test_write_interpretation_creates_a_draft_with_sources_and_credit_and_opens_the_editor(
    admin_client, story_pair
) -> None:
    a, b = story_pair
    section = make_section(language="ru", title="Мир")

    response = admin_client.post(
        reverse("sources_newsroom:write", args=[a.pk]),
        {"language": "ru", "section": section.pk, "sources": [a.pk, b.pk]},
    )

    page = ArticlePage.objects.get(title=a.title)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert not page.live and page.get_parent().pk == section.pk
    assert page.locale.language_code == "ru"
    assert [link.source_article for link in page.source_links.order_by("sort_order")] == [a, b]
    assert page.lead_image_via == "Nordkurier Test"
    assert page.lead_image_photographer == "Ilse Haugen"
    assert page.lead_image_caption == "Die Brücke am Morgen."
    assert set(SourceArticle.objects.values_list("status", flat=True)) == {"used"}
    assert admin_client.get(response["Location"]).status_code == 200


def test_write_interpretation_refuses_a_section_of_the_other_language(admin_client, story_pair):
    a, _b = story_pair
    section = make_section(language="en")

    response = admin_client.post(
        reverse("sources_newsroom:write", args=[a.pk]),
        {"language": "ru", "section": section.pk, "sources": [a.pk]},
        follow=True,
    )

    assert "other language" in response.content.decode()
    assert not ArticlePage.objects.filter(title=a.title).exists()
    assert SourceArticle.objects.get(pk=a.pk).status == "new"


def test_status_can_be_changed_from_the_detail_view(admin_client, story_pair):
    a, _b = story_pair

    admin_client.post(reverse("sources_newsroom:status", args=[a.pk]), {"status": "dismissed"})

    assert SourceArticle.objects.get(pk=a.pk).status == "dismissed"


def test_feed_health_report_lists_failing_feeds_and_why(admin_client):
    outlet = make_outlet()
    Feed.objects.create(
        outlet=outlet,
        url="https://broken.example.org/feed",
        consecutive_failures=3,
        last_error="HTTPStatusError: https://broken.example.org/feed answered HTTP 410 Gone.",
        last_error_at=timezone.now(),
    )
    Feed.objects.create(outlet=outlet, url="https://fine.example.org/feed")

    html = admin_client.get(reverse("sources_newsroom:feed_health")).content.decode()

    failing_table = html.split("Failing feeds", 1)[1].split("All feeds", 1)[0]
    assert "https://broken.example.org/feed" in failing_table
    assert "answered HTTP 410 Gone" in failing_table
    assert "https://fine.example.org/feed" not in failing_table
    assert "https://fine.example.org/feed" in html.split("All feeds", 1)[1]
    assert "1 feed is healthy" in html


def test_source_update_report_shows_the_diff_warns_in_the_editor_and_can_be_cleared(
    admin_client,
):
    outlet = make_outlet()
    source = ingested(outlet, "https://o.example.org/a", "Title", "First wording.")
    page = make_article(sources=[source])
    store_article(
        outlet, None, ArticleData(url=source.url, link=source.url, title="Title", text="Fixed.")
    )
    link = page.source_links.get()
    assert link.source_updated_at is not None

    report = admin_client.get(reverse("sources_newsroom:source_updates")).content.decode()
    editor = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()

    assert page.title in report and "-First wording." in report and "+Fixed." in report
    assert "changed the source" in editor
    admin_client.post(reverse("sources_newsroom:source_update_reviewed", args=[link.pk]))
    link.refresh_from_db()
    assert link.source_updated_at is None
    assert SourceArticleVersion.objects.filter(article=source).count() == 2


def test_outlets_and_feeds_are_managed_in_the_admin(admin_client):
    outlet = make_outlet("Managed Outlet")

    response = admin_client.post(
        reverse("wagtailsnippets_sources_feed:add"),
        {
            "outlet": outlet.pk,
            "url": "https://managed.example.org/rss",
            "title": "",
            "active": "on",
            "poll_interval_minutes": 15,
            "fetch_pages": "on",
        },
    )

    assert response.status_code == 302, response.context["form"].errors
    feed = Feed.objects.get(url="https://managed.example.org/rss")
    assert feed.outlet == outlet and feed.poll_interval_minutes == 15
    listing = admin_client.get(reverse("wagtailsnippets_sources_outlet:list")).content.decode()
    assert "Managed Outlet" in listing


def test_unflagged_unpublished_pages_are_not_flagged():
    source = make_source_article()
    draft = make_article(sources=[source], live=False)
    store_article(
        source.outlet, None, ArticleData(url=source.url, link=source.url, title="T", text="New.")
    )

    assert draft.source_links.get().source_updated_at is None


@pytest.mark.django_db
def test_the_detail_view_never_links_a_non_web_url(admin_client):
    # Stored before the model validators existed; the admin shows it as text, not as a link.
    article = make_source_article(url="javascript:alert(document.cookie)")
    html = admin_client.get(reverse(INSPECT, args=[article.pk])).content.decode()
    assert 'href="javascript:' not in html
    assert "javascript:alert(document.cookie)" in html
