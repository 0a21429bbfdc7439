"""Head tags for distribution: feed autodiscovery on every page, structured data on articles."""

from __future__ import annotations

from django import template
from django.utils.translation import get_language

from articles.models import ArticlePage, SectionPage
from core.fragment_cache import cached_for_page

from .. import conf
from ..feeds import feed_urls
from ..page_meta import page_head as build_page_head
from ..structured_data import article_head as build_article_head

register = template.Library()

FEED_TYPES = {"rss": "application/rss+xml", "atom": "application/atom+xml"}
FEED_LABELS = {"rss": "RSS", "atom": "Atom"}


@register.inclusion_tag("distribution/feed_links.html", takes_context=True)
def feed_links(context):
    """<link rel="alternate"> for the language's feeds, plus the section's or tag's on those pages.

    No extra queries: an article's section is a cached property its template needs anyway.
    """
    language = (get_language() or "en")[:2]
    site_title = conf.site_name()
    page = context.get("page")
    tag = context.get("tag")
    scopes = [(site_title, feed_urls(language))]
    if isinstance(page, SectionPage):
        scopes.append((f"{site_title} — {page.title}", feed_urls(language, section_slug=page.slug)))
    elif isinstance(page, ArticlePage):
        section = page.section  # cached on the page; the article template reuses it
        scopes.append(
            (f"{site_title} — {section.title}", feed_urls(language, section_slug=section.slug))
        )
    elif tag is not None:
        scopes.append((f"{site_title} — {tag.name}", feed_urls(language, tag_slug=tag.slug)))
    links = [
        {"type": FEED_TYPES[kind], "href": href, "title": f"{title} ({FEED_LABELS[kind]})"}
        for title, urls in scopes
        for kind, href in urls
    ]
    return {"feed_links": links}


@register.inclusion_tag("distribution/article_head.html", takes_context=True)
def article_head(context):
    """JSON-LD, OpenGraph and Twitter tags for the article in the context."""
    request = context["request"]
    page = context["page"]
    attribution = context.get("attribution")
    authors = context.get("article_authors")
    if authors is None:
        authors = list(page.authors.all())
    source_urls = [s.url for s in attribution.sources if s.url] if attribution else []
    notices = context.get("article_notices")
    # Derived from this page's version, its authors/sources and its translations: cached until
    # the page or the content generation changes (core/fragment_cache.py).
    head = cached_for_page(
        "article-head",
        page,
        lambda: build_article_head(
            request, page, authors=authors, source_urls=source_urls, notices=notices
        ),
        request=request,
        per_host=True,
    )
    return {"head": head}


@register.inclusion_tag("distribution/page_meta.html", takes_context=True)
def page_meta(context):
    """Description, OpenGraph/Twitter and JSON-LD of a reader page (distribution/page_meta.py);
    on articles only the description, the rest being article_head's."""
    return {"head": build_page_head(context)}
