"""Notices reach machines: `correction` in JSON-LD, a changed entry in the feeds, and the
publisher's corrections policy; a re-save without a notice changes none of the dates."""

from __future__ import annotations

from datetime import datetime, timedelta

import feedparser
import pytest
from django.utils import timezone
from lxml import etree

from articles.models import ArticlePage, NoticeKind
from articles.notices import add_notice

from .test_structured_data import extract, json_ld_of_type

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def news_article(client, page) -> dict:
    return json_ld_of_type(extract(client, ArticlePage.objects.get(pk=page.pk)), "NewsArticle")


def feed_entry(client, url: str, title: str):
    parsed = feedparser.parse(client.get(url).content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return next(e for e in parsed.entries if e.title == title)


def test_correction_is_a_correction_comment_and_moves_date_modified(client, newsroom):
    page = newsroom["port_en"]
    before = news_article(client, page)
    assert "correction" not in before
    assert datetime.fromisoformat(before["dateModified"]) == page.first_published_at

    when = timezone.now() - timedelta(minutes=5)
    add_notice(page, text="The harbour is in the north, not the south.", date=when)
    add_notice(page, kind=NoticeKind.UPDATE, text="Cranes are working again.")

    after = news_article(client, page)
    assert after["correction"] == [
        {
            "@type": "CorrectionComment",
            "datePublished": when.isoformat(),
            "text": "The harbour is in the north, not the south.",
        }
    ]
    page.refresh_from_db()
    assert datetime.fromisoformat(after["dateModified"]) == page.substantively_modified_at
    assert page.substantively_modified_at > when  # the update came later
    assert after["datePublished"] == before["datePublished"]


def test_resave_without_notice_keeps_date_modified_and_feed_updated(client, newsroom):
    page = ArticlePage.objects.get(pk=newsroom["port_en"].pk)
    json_before = news_article(client, page)["dateModified"]
    atom_before = feed_entry(client, "/en/feed/atom/", page.title).updated
    page.dek = "Ships are back in the harbour, and busier."
    page.save_revision().publish()
    assert news_article(client, page)["dateModified"] == json_before
    assert feed_entry(client, "/en/feed/atom/", page.title).updated == atom_before


def test_feeds_show_the_notice_and_a_changed_updated_date(client, newsroom):
    page = newsroom["port_en"]
    atom_before = feed_entry(client, "/en/feed/atom/", page.title)
    assert atom_before.updated == atom_before.published

    notice = add_notice(page, text="The port reopened on Monday, not Sunday.")

    atom = feed_entry(client, "/en/feed/atom/", page.title)
    assert datetime.fromisoformat(atom.updated) == notice.date
    assert atom.published == atom_before.published
    assert "The port reopened on Monday, not Sunday." in atom.summary
    assert "Correction" in atom.summary

    rss_xml = etree.fromstring(client.get("/en/feed/rss/").content)
    item = next(i for i in rss_xml.iter("item") if i.findtext("title") == page.title)
    assert "The port reopened on Monday, not Sunday." in item.findtext("description")
    updated = datetime.fromisoformat(item.findtext(f"{ATOM}updated"))
    assert updated == notice.date
    # Articles without notices carry no atom:updated.
    other = next(i for i in rss_xml.iter("item") if i.findtext("title") == "Budget talks")
    assert other.find(f"{ATOM}updated") is None


def test_russian_feed_labels_the_notice_in_russian(client, newsroom):
    page = newsroom["port_ru"]
    add_notice(page, text="Порт открылся в понедельник.")
    entry = feed_entry(client, "/ru/feed/atom/", page.title)
    assert entry.summary.endswith("Исправление, " + entry.summary.split("Исправление, ")[1])
    assert "Порт открылся в понедельник." in entry.summary


def test_publisher_names_the_corrections_policy(client, newsroom, settings):
    publisher = news_article(client, newsroom["port_ru"])["publisher"]
    assert publisher["correctionsPolicy"] == "http://testserver/ru/corrections/policy/"
    assert publisher["publishingPrinciples"] == publisher["correctionsPolicy"]
    assert client.get("/ru/corrections/policy/").status_code == 200


def sitemap_lastmod(client, path: str, loc: str) -> datetime:
    root = etree.fromstring(client.get(path).content)
    sm = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    for url in root.findall(f"{sm}url"):
        if url.findtext(f"{sm}loc") == loc:
            return datetime.fromisoformat(url.findtext(f"{sm}lastmod"))
    raise AssertionError(f"{loc} not in {path}")


def test_sitemap_lastmod_follows_date_modified_not_every_republish(client, newsroom):
    page = ArticlePage.objects.get(pk=newsroom["port_en"].pk)
    loc = "http://testserver" + page.get_url()
    assert sitemap_lastmod(client, "/sitemap-pages.xml", loc) == page.first_published_at
    page.dek = "Ships are back in the harbour, and busier."
    page.save_revision().publish()  # a re-save: last_published_at moves, dateModified not
    page.refresh_from_db()
    assert page.last_published_at > page.first_published_at
    assert sitemap_lastmod(client, "/sitemap-pages.xml", loc) == page.first_published_at

    add_notice(page, text="The harbour is in the north, not the south.")
    page.refresh_from_db()
    moved = page.substantively_modified_at
    assert moved is not None and moved > page.first_published_at
    assert sitemap_lastmod(client, "/sitemap-pages.xml", loc) == moved
    root = etree.fromstring(client.get("/sitemap.xml").content)
    sm = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    index = {
        s.findtext(f"{sm}loc"): s.findtext(f"{sm}lastmod") for s in root.findall(f"{sm}sitemap")
    }
    assert datetime.fromisoformat(index["http://testserver/sitemap-pages.xml"]) >= moved
