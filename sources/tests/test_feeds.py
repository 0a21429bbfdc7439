"""Feed parsing on small documents written for these tests (no shared data, no database)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

import pytest

from sources.feeds import FeedParseError, parse_feed

FEED_URL = "https://outlet.example.org/rss/world.xml"
RUSSIAN = "Правительство объявило о новых мерах поддержки малого бизнеса в регионах"


def make_rss(items: str, *, head: str = "", declaration: str = "") -> str:
    return (
        f"{declaration}<rss version='2.0' xmlns:media='http://search.yahoo.com/mrss/'>"
        f"<channel><title>Outlet</title><link>https://outlet.example.org/</link>{head}"
        f"{items}</channel></rss>"
    )


def make_json_feed(items: list[dict], **feed: object) -> bytes:
    doc = {"version": "https://jsonfeed.org/version/1.1", "title": "JSON Outlet", **feed}
    doc["items"] = items
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


# -- RSS / Atom ------------------------------------------------------------------------------


def test_rss_entry_fields_are_mapped() -> None:
    data = make_rss(
        "<item><title>  Storm\n   hits coast </title><link>https://outlet.example.org/a/1</link>"
        "<guid isPermaLink='false'>story-1</guid><description>&lt;p&gt;Summary&lt;/p&gt;"
        "</description><author>desk@outlet.example.org (News Desk)</author>"
        "<pubDate>Tue, 03 Mar 2026 10:15:00 +0300</pubDate></item>",
        head="<language>en-gb</language>",
    ).encode()
    feed = parse_feed(data, url=FEED_URL)
    assert (feed.title, feed.link, feed.language, feed.format) == (
        "Outlet",
        "https://outlet.example.org/",
        "en-gb",
        "rss20",
    )
    (entry,) = feed.entries
    assert entry.title == "Storm hits coast"
    assert entry.guid == "story-1"
    assert entry.link == "https://outlet.example.org/a/1"
    assert entry.summary == "<p>Summary</p>"
    assert entry.authors
    assert entry.published == datetime(2026, 3, 3, 7, 15, tzinfo=UTC)
    assert entry.updated is None
    assert not feed.bozo and feed.warning is None


def test_entries_without_dates_or_guids_get_link_or_stable_hash() -> None:
    data = make_rss(
        "<item><title>With link</title><link>https://outlet.example.org/x</link></item>"
        "<item><title>Bare</title><description>only text</description></item>"
        "<item><title>Other</title><description>only text</description></item>"
    ).encode()
    first = parse_feed(data, url=FEED_URL).entries
    again = parse_feed(data, url=FEED_URL).entries
    assert first[0].guid == "https://outlet.example.org/x"
    assert first[1].guid.startswith("urn:sha256:")
    assert first[1].guid == again[1].guid
    assert first[1].guid != first[2].guid
    assert all(e.published is None and e.updated is None for e in first)


def test_relative_links_resolve_against_feed_url() -> None:
    data = make_rss(
        "<item><title>A</title><link>/world/2026/story-a</link></item>"
        "<item><title>B</title><link>story-b.html</link></item>"
    ).encode()
    links = [e.link for e in parse_feed(data, url=FEED_URL).entries]
    assert links == [
        "https://outlet.example.org/world/2026/story-a",
        "https://outlet.example.org/rss/story-b.html",
    ]


def test_atom_xml_base_and_dates_are_honoured() -> None:
    data = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://mirror.example.net/news/">
  <title type="html">Atom &lt;b&gt;Outlet&lt;/b&gt; &amp;amp; Co</title>
  <entry><title>E1</title><id>tag:example,2026:1</id><link href="e1.html"/>
    <published>2026-01-02T03:04:05+02:00</published><updated>2026-01-03T00:00:00Z</updated>
    <author><name>Ann Writer</name></author><author><name>Bo Editor</name></author>
    <content type="html">&lt;p&gt;Body&lt;/p&gt;</content></entry>
</feed>"""
    feed = parse_feed(data, url=FEED_URL)
    assert feed.title == "Atom Outlet & Co"  # markup dropped, entities decoded once
    (entry,) = feed.entries
    assert entry.link == "https://mirror.example.net/news/e1.html"
    assert entry.published == datetime(2026, 1, 2, 1, 4, 5, tzinfo=UTC)
    assert entry.updated == datetime(2026, 1, 3, tzinfo=UTC)
    assert entry.authors == ("Ann Writer", "Bo Editor")
    assert entry.content == "<p>Body</p>"


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        (
            "<media:content url='https://cdn.example.org/big.jpg' medium='image'/>"
            "<media:thumbnail url='https://cdn.example.org/thumb.jpg'/>",
            "https://cdn.example.org/big.jpg",
        ),
        (
            "<enclosure url='/img/photo.png' type='image/png' length='10'/>",
            "https://outlet.example.org/img/photo.png",
        ),
        ("<media:thumbnail url='https://cdn.example.org/t.jpg'/>", "https://cdn.example.org/t.jpg"),
        ("<enclosure url='https://cdn.example.org/a.mp3' type='audio/mpeg' length='1'/>", None),
    ],
)
def test_entry_image_comes_from_media_or_enclosures(markup: str, expected: str | None) -> None:
    data = make_rss(f"<item><title>T</title><link>https://o.example/1</link>{markup}</item>")
    assert parse_feed(data.encode(), url=FEED_URL).entries[0].image_url == expected


# -- encodings -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("codec", "declaration", "content_type"),
    [
        ("cp1251", "<?xml version='1.0' encoding='windows-1251'?>", None),
        ("koi8_r", "<?xml version='1.0' encoding='KOI8-R'?>", None),
        ("koi8_r", "", "application/rss+xml; charset=koi8-r"),
        ("cp1251", "<?xml version='1.0' encoding='utf-8'?>", "text/xml; charset=windows-1251"),
        ("iso8859_5", "<?xml version='1.0' encoding='iso-8859-5'?>", None),
    ],
)
def test_cyrillic_legacy_encodings_decode(
    codec: str, declaration: str, content_type: str | None
) -> None:
    data = make_rss(
        f"<item><title>{RUSSIAN}</title><description>{RUSSIAN}.</description></item>",
        declaration=declaration,
    ).encode(codec)
    entry = parse_feed(data, url=FEED_URL, content_type=content_type).entries[0]
    assert entry.title == RUSSIAN


@pytest.mark.parametrize("codec", ["cp1251", "koi8_r"])
def test_undeclared_cyrillic_is_detected(codec: str) -> None:
    text = (
        f"<item><title>{RUSSIAN}</title>"
        f"<description>{RUSSIAN}. Подробности позже.</description></item>"
    )
    for head in ("", "<language>ru</language>"):
        data = make_rss(text, head=head).encode(codec)
        assert parse_feed(data, url=FEED_URL).entries[0].title == RUSSIAN


def test_server_charset_that_is_wrong_falls_back_to_declaration() -> None:
    data = make_rss(
        f"<item><title>{RUSSIAN}</title></item>",
        declaration="<?xml version='1.0' encoding='windows-1251'?>",
    ).encode("cp1251")
    feed = parse_feed(data, content_type="application/rss+xml; charset=utf-8")
    assert feed.entries[0].title == RUSSIAN


def test_gb2312_label_decodes_gbk_characters() -> None:
    title = "朱镕基会见代表团"  # 镕 is outside GB2312 but common in feeds labelled GB2312
    data = make_rss(
        f"<item><title>{title}</title></item>",
        declaration="<?xml version='1.0' encoding='gb2312'?>",
    ).encode("gbk")
    feed = parse_feed(data)
    assert feed.entries[0].title == title
    assert feed.encoding == "gb18030"


def test_latin2_from_http_header_only() -> None:
    title = "Zażółć gęślą jaźń"
    data = make_rss(f"<item><title>{title}</title></item>").encode("iso8859_2")
    feed = parse_feed(data, content_type="application/rss+xml; charset=ISO-8859-2")
    assert feed.entries[0].title == title


def test_utf8_bom_is_handled() -> None:
    data = b"\xef\xbb\xbf" + make_rss(f"<item><title>{RUSSIAN}</title></item>").encode()
    assert parse_feed(data).entries[0].title == RUSSIAN


# -- broken input ----------------------------------------------------------------------------


def test_recoverable_broken_feed_returns_entries_with_warning() -> None:
    data = make_rss(
        "<item><title>Tom & Jerry</title><link>https://o.example/1</link></item>"
    ).encode()
    feed = parse_feed(data, url=FEED_URL)
    assert feed.bozo
    assert feed.warning and "recovered" in feed.warning
    assert [e.title for e in feed.entries] == ["Tom & Jerry"]


def test_out_of_range_character_reference_becomes_replacement_character() -> None:
    data = make_rss("<item><title>a &#1114112; b</title></item>").encode()
    assert parse_feed(data).entries[0].title == "a \ufffd b"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"   \n", "empty"),
        (b"<html><body><h1>Moved</h1></body></html>", "not an RSS, Atom or JSON feed"),
        (b"<?xml version='1.0'?><catalog><book/></catalog>", "not an RSS, Atom or JSON feed"),
        (b'{"items": [', "not valid JSON"),
        (b'{"hello": "world"}', "not a JSON Feed"),
        (b'{"version": "https://jsonfeed.org/version/1", "items": 3}', "no 'items' list"),
    ],
)
def test_unreadable_documents_raise_feed_parse_error(data: bytes, message: str) -> None:
    with pytest.raises(FeedParseError, match=message):
        parse_feed(data, url=FEED_URL)


def test_text_instead_of_bytes_is_a_programming_error() -> None:
    with pytest.raises(TypeError):
        parse_feed(make_rss(""))  # type: ignore[arg-type]


# -- JSON Feed -------------------------------------------------------------------------------


def test_json_feed_items_are_mapped() -> None:
    data = make_json_feed(
        [
            {
                "id": "42",
                "url": "/posts/42",
                "title": "Hello",
                "content_html": "<p>Hi</p>",
                "summary": "Short & sweet",
                "image": "/img/42.jpg",
                "date_published": "2026-02-01T12:00:00+03:00",
                "date_modified": "2026-02-02T08:30:00Z",
                "authors": [{"name": "Ann"}, {"name": "Bo"}],
            }
        ],
        home_page_url="https://json.example.org/",
        language="ru",
    )
    feed = parse_feed(data, url="https://json.example.org/feed.json")
    assert (feed.title, feed.link, feed.language, feed.format) == (
        "JSON Outlet",
        "https://json.example.org/",
        "ru",
        "json11",
    )
    (entry,) = feed.entries
    assert entry.guid == "42"
    assert entry.link == "https://json.example.org/posts/42"
    assert entry.content == "<p>Hi</p>"
    assert entry.summary == "Short &amp; sweet"
    assert entry.image_url == "https://json.example.org/img/42.jpg"
    assert entry.authors == ("Ann", "Bo")
    assert entry.published == datetime(2026, 2, 1, 12, tzinfo=timezone(timedelta(hours=3)))
    assert entry.published.utcoffset() == timedelta(hours=3)
    assert entry.updated == datetime(2026, 2, 2, 8, 30, tzinfo=UTC)


def test_json_feed_1_0_author_text_content_and_missing_ids() -> None:
    data = json.dumps(
        {
            "version": "https://jsonfeed.org/version/1",
            "title": "Old",
            "author": {"name": "Feed Author"},
            "items": [
                {"url": "https://j.example/1", "content_text": "Line <one>\n\nLine two"},
                {"title": "No id, no url", "content_text": "x"},
                {"id": "3", "date_published": "not a date", "external_url": "https://ext/3"},
            ],
        }
    ).encode()
    entries = parse_feed(data).entries
    assert entries[0].guid == "https://j.example/1"
    assert entries[0].content == "<p>Line &lt;one&gt;</p><p>Line two</p>"
    assert entries[0].authors == ("Feed Author",)
    assert entries[1].guid.startswith("urn:sha256:") and entries[1].link is None
    assert entries[2].published is None and entries[2].link == "https://ext/3"


def test_json_feed_recognised_by_content_type_even_with_leading_whitespace() -> None:
    data = b"\n\n" + make_json_feed([{"id": "1", "title": "T"}])
    feed = parse_feed(data, content_type="application/feed+json")
    assert [e.title for e in feed.entries] == ["T"]
