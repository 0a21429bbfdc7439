"""Small original feeds and article pages for the ingest tests, served by core.testing.fake_web.

The texts are written for these tests (fictional towns and events), so they can live in the
repository; the shared corpora are only read in place by the corpus tests.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from html import escape

from core.testing.fake_web import FakeWeb


@dataclass
class Story:
    slug: str
    title: str
    paragraphs: list[str]
    author: str = "Mara Lindqvist"
    published: datetime = field(default_factory=lambda: datetime(2026, 3, 2, 9, 30, tzinfo=UTC))
    language: str = "en"
    guid: str | None = None
    summary: str | None = None
    image: str | None = None
    caption: str | None = None
    extra_html: str = ""


BRIDGE = Story(
    slug="bridge",
    title="Harbour bridge in Velmora reopens after two years of repairs",
    paragraphs=[
        "The old harbour bridge of Velmora reopened to traffic on Monday morning after two "
        "years of repairs that cost the town far more than its council had planned.",
        "Engineers replaced the rusted steel cables and rebuilt both ramps, the mayor said at a "
        "short ceremony attended by a few hundred residents and the town's brass band.",
        "Ferry operators, who carried commuters across the bay while the bridge was closed, "
        "said they expected their passenger numbers to fall sharply within weeks.",
        "The council still has to explain why the final bill was almost twice the estimate, "
        "an opposition councillor told reporters after the ribbon was cut.",
    ],
    image="/img/bridge.jpg",
    caption="The reopened bridge at dawn. Photo: Ilse Haugen",
)
LIBRARY = Story(
    slug="library",
    title="Velmora library lends its first electric bicycles",
    paragraphs=[
        "The public library of Velmora has started lending electric bicycles alongside its "
        "books, a project the librarians say is meant to bring younger readers through the door.",
        "Twelve bicycles can be borrowed for up to three days with an ordinary library card, "
        "and the first week of reservations was fully booked within an hour.",
        "Local cycling clubs welcomed the idea but asked the town to build safer lanes on the "
        "coastal road, where most of the borrowers are expected to ride.",
    ],
    author="Tomas Brenner",
    published=datetime(2026, 3, 3, 14, 0, tzinfo=UTC),
)


def page_html(story: Story, *, canonical: str | None = None, paragraphs=None) -> str:
    paragraphs = story.paragraphs if paragraphs is None else paragraphs
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    image = f'<meta property="og:image" content="{escape(story.image)}">' if story.image else ""
    figure = jsonld = ""
    if story.caption:
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": story.title,
            "image": {"@type": "ImageObject", "url": story.image, "caption": story.caption},
        }
        jsonld = f'<script type="application/ld+json">{json.dumps(data)}</script>'

        figure = (
            f'<figure><img src="{escape(story.image or "")}" alt="">'
            f"<figcaption>{escape(story.caption)}</figcaption></figure>"
        )
    canonical_tag = f'<link rel="canonical" href="{escape(canonical)}">' if canonical else ""
    return f"""<!doctype html>
<html lang="{story.language}"><head><meta charset="utf-8">
<title>{escape(story.title)} | Velmora Courier</title>
{canonical_tag}{image}{jsonld}
<meta name="author" content="{escape(story.author)}">
<meta property="article:published_time" content="{story.published.isoformat()}">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>{escape(story.title)}</h1>
<p class="byline">By {escape(story.author)}</p>
{figure}
{body}
{story.extra_html}
</article>
<footer>© Velmora Courier. All rights reserved.</footer>
</body></html>"""


def rss(items: list[tuple[Story, str]], *, title: str = "Velmora Courier", language="en") -> str:
    """RSS 2.0 with one <item> per (story, absolute link)."""
    parts = []
    for story, link in items:
        guid = f'<guid isPermaLink="false">{escape(story.guid)}</guid>' if story.guid else ""
        summary = story.summary if story.summary is not None else story.paragraphs[0]
        parts.append(
            f"<item><title>{escape(story.title)}</title><link>{escape(link)}</link>{guid}"
            f"<description>{escape(summary)}</description>"
            f"<pubDate>{format_datetime(story.published)}</pubDate></item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>https://courier.example.org/</link>"
        f"<language>{language}</language>{''.join(parts)}</channel></rss>"
    )


def serve_site(
    web: FakeWeb,
    stories: list[Story],
    *,
    prefix: str = "",
    feed_etag: str | None = '"feed-v1"',
    page_etags: bool = True,
    feed_title: str = "Velmora Courier",
    language: str = "en",
) -> str:
    """Serve a feed listing ``stories`` and their pages; return the feed URL."""
    items = []
    for story in stories:
        path = f"{prefix}/news/{story.slug}.html"
        web.add(
            path,
            page_html(story),
            content_type="text/html; charset=utf-8",
            etag=f'"{story.slug}-v1"' if page_etags else None,
        )
        items.append((story, web.url(path)))
    web.add(
        f"{prefix}/feed.xml",
        rss(items, title=feed_title, language=language),
        content_type="application/rss+xml; charset=utf-8",
        etag=feed_etag,
    )
    return web.url(f"{prefix}/feed.xml")
