"""extract_article on small made-up pages and on the Russian pages of the shared benchmark."""

from __future__ import annotations

import gzip
import json
from datetime import UTC, datetime, timedelta, timezone

import pytest

from core.testing.shared_data import shared_data_dir
from sources.decoding import decode_page
from sources.extraction import ExtractedArticle, ExtractionError, extract_article
from sources.language import detect_language
from sources.page_metadata import parse_datetime

# Ids of the Russian-language pages of the Scrapinghub benchmark (see its SOURCE.txt).
RUSSIAN_PAGES = ("3c6d3381ef52", "c82b3d1d540b", "c4a3637c6696", "ff0f958ade71")

PARAGRAPHS = [
    "The harbour authority confirmed on Tuesday that the northern pier will close for repairs "
    "for at least six months, after inspectors found corrosion in the supporting columns.",
    "Fishing crews who rely on the pier said they had not been consulted and warned that the "
    "closure would force them to land their catch thirty kilometres away.",
    "The mayor said the council would pay for temporary moorings and publish a timetable for "
    "the works before the end of the month.",
]


def make_page(
    *,
    title: str = "Harbour pier to close for repairs",
    jsonld: dict | None = None,
    head: str = "",
    body_extra: str = "",
    lang: str | None = "en",
    paragraphs: list[str] | None = None,
) -> str:
    """A small but realistic article page with a nav, the article and a footer."""
    ld = f'<script type="application/ld+json">{json.dumps(jsonld)}</script>' if jsonld else ""
    paras = "".join(f"<p>{p}</p>" for p in (paragraphs or PARAGRAPHS))
    lang_attr = f' lang="{lang}"' if lang else ""
    return (
        f"<!DOCTYPE html><html{lang_attr}><head><meta charset='utf-8'><title>{title} | Coast News"
        f"</title>{head}{ld}</head><body><nav><a href='/'>Home</a> <a href='/world'>World</a>"
        f"</nav><article><h1>{title}</h1>{paras}<h2>What happens next</h2>"
        f"<p>{PARAGRAPHS[0]}</p>{body_extra}</article><footer>© Coast News. All rights "
        "reserved. Imprint. Privacy.</footer></body></html>"
    )


def test_jsonld_metadata_is_used_with_full_timestamps():
    page = make_page(
        jsonld={
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": "Harbour pier to close for repairs",
            "datePublished": "2024-03-05T09:30:00+01:00",
            "dateModified": "2024-03-05T12:00:00+01:00",
            "author": [
                {"@type": "Person", "name": "Jane Doe"},
                {"@type": "Person", "name": "John Roe"},
            ],
            "image": {"@type": "ImageObject", "url": "/img/pier.jpg", "caption": "The pier"},
            "publisher": {"@type": "NewsMediaOrganization", "name": "Coast News"},
        }
    )
    article = extract_article(page, url="https://coast.example.com/news/pier")
    assert article.title == "Harbour pier to close for repairs"
    assert article.authors == ["Jane Doe", "John Roe"]
    assert article.published_at == datetime(2024, 3, 5, 9, 30, tzinfo=timezone(timedelta(hours=1)))
    assert article.updated_at == datetime(2024, 3, 5, 12, 0, tzinfo=timezone(timedelta(hours=1)))
    assert article.image_url == "https://coast.example.com/img/pier.jpg"
    assert article.image_caption == "The pier"
    assert article.site_name == "Coast News"
    assert article.language == "en"


def test_body_keeps_paragraphs_and_subheadings_and_drops_boilerplate():
    article = extract_article(make_page(), url="https://coast.example.com/news/pier")
    paragraphs = article.text.split("\n\n")
    assert PARAGRAPHS[1] in paragraphs
    assert "What happens next" in paragraphs
    assert "<h2>What happens next</h2>" in article.html or "<h3>What happens next</h3>" in (
        article.html
    )
    assert "All rights reserved" not in article.text
    assert "Home" not in paragraphs


def test_hostile_markup_inside_the_article_is_sanitized():
    extra = (
        '<p>Read <a href="javascript:alert(1)">more</a> and <a href="/related">related</a>.'
        '<img src="x.jpg" onerror="alert(1)"></p><script>alert(2)</script>'
        '<svg onload="alert(3)"><circle r="1"/></svg>'
    )
    article = extract_article(make_page(body_extra=extra), url="https://coast.example.com/a/b")
    lowered = article.html.lower()
    for bad in ("javascript:", "onerror", "onload", "<script", "<svg", "alert("):
        assert bad not in lowered


def test_opengraph_and_meta_tags_fill_in_without_jsonld():
    head = (
        '<meta property="og:title" content="Harbour pier to close for repairs | Coast News">'
        '<meta property="og:site_name" content="Coast News">'
        '<meta property="article:published_time" content="2024-03-05T08:30:00Z">'
        '<meta name="author" content="By Jane Doe">'
        '<meta property="og:image" content="https://cdn.example.com/pier.jpg">'
        '<link rel="canonical" href="/news/pier">'
    )
    article = extract_article(make_page(head=head), url="https://coast.example.com/news/pier?x=1")
    assert article.title == "Harbour pier to close for repairs"
    assert article.authors == ["Jane Doe"]
    assert article.published_at == datetime(2024, 3, 5, 8, 30, tzinfo=UTC)
    assert article.image_url == "https://cdn.example.com/pier.jpg"
    assert article.canonical_url == "https://coast.example.com/news/pier"
    assert article.url == "https://coast.example.com/news/pier?x=1"


def test_language_is_detected_when_the_page_does_not_say():
    german = [
        "Die Hafenbehörde hat am Dienstag bestätigt, dass der nördliche Steg für mindestens "
        "sechs Monate gesperrt wird, weil die Prüfer Korrosion an den Stützen gefunden haben.",
        "Die Fischer, die auf den Steg angewiesen sind, sagten, dass sie nicht gefragt wurden "
        "und dass sie ihren Fang nun in einem anderen Hafen an Land bringen müssen.",
    ]
    article = extract_article(make_page(lang=None, paragraphs=german))
    assert article.language == "de"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Президент заявил, что переговоры будут продолжены и что это не первый раунд.", "ru"),
        ("Президент заявив, що переговори будуть продовжені і що це не перший раунд.", "uk"),
        ("Le président a déclaré que les négociations se poursuivront dans la semaine.", "fr"),
        ("El presidente dijo que las negociaciones continuarán durante la semana.", "es"),
        ("The president said that the talks will continue during the week.", "en"),
    ],
)
def test_detect_language_on_short_news_sentences(text, expected):
    assert detect_language(text) == expected


def test_result_is_frozen_and_serialisable():
    article = extract_article(make_page())
    assert isinstance(article, ExtractedArticle)
    with pytest.raises(AttributeError):
        article.title = "changed"  # type: ignore[misc]
    data = json.loads(json.dumps(article.as_json()))
    assert data["title"] == article.title
    assert isinstance(data["authors"], list)


@pytest.mark.parametrize("bad", [b"", b"   ", "", b"\x00\x01\x02binary"])
def test_unreadable_input_raises_a_clear_error(bad):
    with pytest.raises(ExtractionError):
        extract_article(bad)


def test_parse_datetime_is_always_aware():
    assert parse_datetime("2024-03-05T08:30:00Z") == datetime(2024, 3, 5, 8, 30, tzinfo=UTC)
    assert parse_datetime("2024-03-05T08:30:00+0200").utcoffset() == timedelta(hours=2)
    assert parse_datetime("Tue, 05 Mar 2024 08:30:00 GMT") == datetime(
        2024, 3, 5, 8, 30, tzinfo=UTC
    )
    assert parse_datetime("2024-03-05") == datetime(2024, 3, 5, tzinfo=UTC)
    assert parse_datetime("not a date") is None
    assert parse_datetime("1850-01-01") is None


RUSSIAN_TEXT = "Москва. Правительство объявило о новых мерах поддержки семей с детьми."


@pytest.mark.parametrize("encoding", ["cp1251", "koi8-r"])
def test_legacy_cyrillic_encodings_declared_in_meta_decode(encoding):
    html = (
        f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={encoding}">'
        f"</head><body><p>{RUSSIAN_TEXT}</p></body></html>"
    )
    assert RUSSIAN_TEXT in decode_page(html.encode(encoding))


@pytest.mark.parametrize("encoding", ["cp1251", "koi8-r"])
def test_undeclared_legacy_cyrillic_is_detected(encoding):
    html = f"<html><head></head><body><p>{RUSSIAN_TEXT * 20}</p></body></html>"
    assert RUSSIAN_TEXT in decode_page(html.encode(encoding))


def test_http_charset_wins_over_a_missing_declaration():
    html = f"<html><body><p>{RUSSIAN_TEXT}</p></body></html>"
    assert RUSSIAN_TEXT in decode_page(html.encode("koi8-r"), http_charset="KOI8-R")


def test_utf8_page_mislabelled_as_windows_1251_still_decodes_as_utf8():
    html = f'<html><head><meta charset="windows-1251"></head><body><p>{RUSSIAN_TEXT}</p>'
    assert RUSSIAN_TEXT in decode_page(html.encode("utf-8"))


def test_byte_order_mark_decides():
    html = f"<html><body><p>{RUSSIAN_TEXT}</p></body></html>"
    assert RUSSIAN_TEXT in decode_page(b"\xef\xbb\xbf" + html.encode("utf-8"))
    assert RUSSIAN_TEXT in decode_page(html.encode("utf-16"))


def _russian_benchmark_pages():
    root = shared_data_dir("article-extraction-benchmark")
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    for prefix in RUSSIAN_PAGES:
        key = next(k for k in truth if k.startswith(prefix))
        with gzip.open(root / "html" / f"{key}.html.gz") as handle:
            yield key, handle.read(), truth[key]


def _cyrillic_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    return sum("\u0400" <= c <= "\u04ff" for c in letters) / max(len(letters), 1)


@pytest.mark.parametrize("encoding", ["utf-8", "cp1251", "koi8-r"])
def test_russian_benchmark_pages_decode_and_extract(encoding):
    """The 4 RU pages as stored (UTF-8) and re-encoded to legacy charsets (the page's own charset
    declaration then lies, which is common on old Russian sites) all give the same Russian text."""
    for key, raw, truth in _russian_benchmark_pages():
        html = raw.decode("utf-8")
        data = html.encode(encoding, errors="xmlcharrefreplace")
        article = extract_article(data, url=truth["url"])
        assert article.language == "ru", key
        assert article.title and _cyrillic_share(article.title) > 0.5, (key, article.title)
        assert _cyrillic_share(article.text) > 0.8, key
        first_words = " ".join(truth["articleBody"].split()[:6])
        assert first_words in " ".join(article.text.split()), (key, first_words)
