"""RSS 2.0 and Atom feeds: parse cleanly, list the right articles, carry stable ids and pictures."""

from __future__ import annotations

import json
import re
from email.utils import parsedate_to_datetime

import feedparser
import pytest
from lxml import etree

from articles.testing.factories import make_article

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT_ENCODED = "{http://purl.org/rss/1.0/modules/content/}encoded"
MEDIA_CONTENT = "{http://search.yahoo.com/mrss/}content"
RFC822 = re.compile(r"^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$")
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)$")


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response


def parse(client, url):
    response = fetch(client, url)
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, (url, parsed.get("bozo_exception"))
    return parsed


def titles(parsed) -> list[str]:
    return [entry.title for entry in parsed.entries]


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_language_feeds_list_only_that_languages_published_articles_newest_first(
    client, newsroom, kind
):
    english = parse(client, f"/en/feed/{kind}/")
    assert titles(english) == ["Budget talks", "The port reopens", "An old story"]
    assert english.feed.language == "en"
    russian = parse(client, f"/ru/feed/{kind}/")
    assert titles(russian) == ["Порт снова открыт"]
    assert english.version == ("rss20" if kind == "rss" else "atom10")


def test_feed_language_is_declared_for_each_prefix(client, newsroom):
    assert parse(client, "/ru/feed/rss/").feed.language == "ru"
    atom = etree.fromstring(fetch(client, "/ru/feed/atom/").content)
    assert atom.get("{http://www.w3.org/XML/1998/namespace}lang") == "ru"


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_section_and_tag_feeds_are_narrowed(client, newsroom, kind):
    assert titles(parse(client, f"/en/feed/section/world/{kind}/")) == [
        "The port reopens",
        "An old story",
    ]
    assert titles(parse(client, f"/en/feed/section/economy/{kind}/")) == ["Budget talks"]
    # Same slug, other language: the Russian section's own articles.
    assert titles(parse(client, f"/ru/feed/section/world/{kind}/")) == ["Порт снова открыт"]
    assert titles(parse(client, f"/en/feed/tag/transport/{kind}/")) == [
        "The port reopens",
        "An old story",
    ]
    assert titles(parse(client, f"/ru/feed/tag/transport/{kind}/")) == ["Порт снова открыт"]


def test_unknown_section_or_tag_is_a_404(client, newsroom):
    assert client.get("/en/feed/section/sport/rss/").status_code == 404
    assert client.get("/en/feed/tag/no-such-tag/atom/").status_code == 404
    # Economy has no Russian translation.
    assert client.get("/ru/feed/section/economy/rss/").status_code == 404


def test_guid_is_stable_across_edits_and_slug_changes(client, newsroom):
    page = newsroom["budget_en"]
    before = parse(client, "/en/feed/atom/").entries[0]
    page.title = "Budget talks resume"
    page.slug = "budget-talks-resume"
    page.save_revision().publish()
    after = parse(client, "/en/feed/atom/").entries[0]
    assert after.title == "Budget talks resume"
    assert after.link != before.link
    assert after.id == before.id
    assert after.id.startswith("tag:") and after.id.endswith(f":page:{page.pk}")
    rss_ids = {entry.id for entry in parse(client, "/en/feed/rss/").entries}
    assert after.id in rss_ids


def test_guids_differ_between_translations(client, newsroom):
    en = {e.title: e.id for e in parse(client, "/en/feed/rss/").entries}
    ru = {e.title: e.id for e in parse(client, "/ru/feed/rss/").entries}
    assert en["The port reopens"] != ru["Порт снова открыт"]


def test_dates_are_aware_and_match_publication(client, newsroom):
    rss = etree.fromstring(fetch(client, "/en/feed/rss/").content)
    item = rss.find("channel/item")
    assert item.findtext("title") == "Budget talks"
    pub_date = item.findtext("pubDate")
    assert RFC822.match(pub_date), pub_date
    expected = newsroom["budget_en"].first_published_at
    assert parsedate_to_datetime(pub_date) == expected.replace(microsecond=0)
    last_build = rss.findtext("channel/lastBuildDate")
    assert RFC822.match(last_build)

    atom = etree.fromstring(fetch(client, "/en/feed/atom/").content)
    entry = atom.find(f"{ATOM}entry")
    for tag in ("published", "updated"):
        assert RFC3339.match(entry.findtext(f"{ATOM}{tag}")), entry.findtext(f"{ATOM}{tag}")
    parsed = feedparser.parse(fetch(client, "/en/feed/atom/").content)
    assert parsed.entries[0].published_parsed[:6] == expected.utctimetuple()[:6]


def test_lead_image_is_an_enclosure_with_real_length_and_type(client, newsroom, settings):
    rss = etree.fromstring(fetch(client, "/en/feed/rss/").content)
    items = {i.findtext("title"): i for i in rss.iter("item")}
    port = items["The port reopens"]
    enclosure = port.find("enclosure")
    assert enclosure.get("type") == "image/jpeg"
    rendition = newsroom["image"].get_rendition("fill-1200x675|format-jpeg")
    assert int(enclosure.get("length")) == rendition.file.size > 0
    assert enclosure.get("url") == f"http://testserver{rendition.url}"
    media = port.find(MEDIA_CONTENT)
    assert (media.get("url"), media.get("width"), media.get("height")) == (
        enclosure.get("url"),
        "1200",
        "675",
    )
    # No picture, no enclosure.
    assert items["Budget talks"].find("enclosure") is None

    atom = feedparser.parse(fetch(client, "/en/feed/atom/").content)
    port_entry = next(e for e in atom.entries if e.title == "The port reopens")
    assert port_entry.enclosures[0].href == enclosure.get("url")
    assert int(port_entry.enclosures[0].length) == rendition.file.size


def test_excerpt_only_by_default(client, newsroom):
    rss = etree.fromstring(fetch(client, "/en/feed/rss/").content)
    item = rss.find("channel/item")
    assert item.findtext("description") == "Numbers are discussed."
    assert item.find(CONTENT_ENCODED) is None
    atom = feedparser.parse(fetch(client, "/en/feed/atom/").content)
    assert "content" not in atom.entries[0]


def test_full_text_setting_adds_the_body_with_absolute_links(client, newsroom, settings):
    settings.NEWSDESK_FEED_FULL_TEXT = True
    target = newsroom["old_en"]
    paragraph = (
        '<p>Read <a href="/en/world/old-story/">this</a>'
        f' and <a linktype="page" id="{target.pk}">that</a>.</p>'
    )
    body = json.dumps([{"type": "paragraph", "value": paragraph}])
    make_article(
        newsroom["economy_en"], title="With links", dek="Links inside.", body=body, slug="links"
    )
    rss = parse(client, "/en/feed/rss/")
    entry = rss.entries[0]
    assert entry.title == "With links"
    html = entry.content[0].value
    assert 'href="http://testserver/en/world/old-story/"' in html
    assert html.count('href="http://testserver/en/world/old-story/"') == 2  # internal link too
    assert entry.summary == "Links inside."
    atom = parse(client, "/en/feed/atom/")
    assert 'href="http://testserver/en/world/old-story/"' in atom.entries[0].content[0].value


def test_rss_required_elements(client, newsroom):
    """RSS 2.0 spec: channel title/link/description; each item a title or description; our
    guids are not permalinks and every item has a link and a date."""
    for url in ("/en/feed/rss/", "/ru/feed/rss/", "/en/feed/section/world/rss/"):
        root = etree.fromstring(fetch(client, url).content)
        assert root.tag == "rss" and root.get("version") == "2.0"
        channel = root.find("channel")
        for name in ("title", "link", "description", "language", "lastBuildDate"):
            assert channel.findtext(name), (url, name)
        self_link = channel.find("{http://www.w3.org/2005/Atom}link")
        assert self_link.get("rel") == "self"
        assert self_link.get("href") == f"http://testserver{url}"
        items = channel.findall("item")
        assert items
        for item in items:
            for name in ("title", "link", "description", "pubDate", "guid"):
                assert item.findtext(name), (url, name)
            assert item.find("guid").get("isPermaLink") == "false"
            assert item.findtext("link").startswith("http://testserver/")


def test_atom_required_elements(client, newsroom):
    """RFC 4287: feed id/title/updated and an author (entries may lack one); each entry
    id/title/updated and an alternate link."""
    for url in ("/en/feed/atom/", "/ru/feed/atom/", "/en/feed/tag/transport/atom/"):
        root = etree.fromstring(fetch(client, url).content)
        assert root.tag == f"{ATOM}feed"
        for name in ("id", "title", "updated"):
            assert root.findtext(f"{ATOM}{name}"), (url, name)
        assert root.findtext(f"{ATOM}author/{ATOM}name") == "Newsdesk"
        links = {link.get("rel"): link.get("href") for link in root.findall(f"{ATOM}link")}
        assert links["self"] == f"http://testserver{url}"
        entries = root.findall(f"{ATOM}entry")
        assert entries
        ids = [entry.findtext(f"{ATOM}id") for entry in entries]
        assert len(set(ids)) == len(ids)
        for entry in entries:
            for name in ("id", "title", "updated", "published", "summary"):
                assert entry.findtext(f"{ATOM}{name}") is not None, (url, name)
            alternate = [
                link for link in entry.findall(f"{ATOM}link") if link.get("rel") == "alternate"
            ]
            assert len(alternate) == 1


def test_article_authors_and_tags_are_in_the_entry(client, newsroom):
    rss = parse(client, "/ru/feed/rss/")
    entry = rss.entries[0]
    assert entry.author == "Анна Волкова"
    assert [t.term for t in entry.tags] == ["Transport"]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/en/", ["/en/feed/rss/", "/en/feed/atom/"]),
        (
            "/en/world/",
            ["/en/feed/rss/", "/en/feed/atom/", "/en/feed/section/world/rss/"],
        ),
        ("/ru/world/port-otkryt/", ["/ru/feed/rss/", "/ru/feed/section/world/atom/"]),
        ("/en/tags/transport/", ["/en/feed/rss/", "/en/feed/tag/transport/rss/"]),
        ("/ru/search/?q=port", ["/ru/feed/rss/", "/ru/feed/atom/"]),
    ],
)
def test_pages_advertise_their_feeds_for_autodiscovery(client, newsroom, url, expected):
    html = fetch(client, url).content.decode()
    head = etree.HTML(html).find("head")
    found = {
        link.get("href"): link.get("type")
        for link in head.findall("link")
        if link.get("rel") == "alternate" and link.get("type")
    }
    for href in expected:
        assert href in found, (url, href, found)
        assert found[href] == (
            "application/rss+xml" if href.endswith("/rss/") else "application/atom+xml"
        )
        parse(client, href)  # every advertised feed exists and parses
