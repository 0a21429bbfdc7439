"""What of a page and of its sources the originality scorer compares.

The article side is the dek and the body (paragraphs, subheadings, quote blocks), not the title:
"Write interpretation" starts every draft with the source's headline as a working title, and a
headline is too short to tell a copy from an interpretation. Quote blocks are quotations by
construction (they carry an attribution), so their text is marked as quote spans.

The source side is every external ``SourceArticle`` linked to the page, title and plain text.
A wagtail-localize translation of our own article links the same source articles and is compared
with them only, never with the article it was translated from: that one is ours.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.html import strip_tags

from articles.models import ArticlePage
from sources.models import SourceArticle
from sources.originality import Span, TextForOriginality


@dataclass(frozen=True)
class SourceRef:
    """A source as the report names it (ids may outlive the row; title and URL stay readable)."""

    id: int
    title: str
    url: str
    language: str
    outlet: str

    def as_json(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "url": self.url,
            "language": self.language,
            "outlet": self.outlet,
        }


def article_text(page: ArticlePage) -> TextForOriginality:
    """The page's dek and body as one text, with quote blocks marked as quotations."""
    parts: list[str] = []
    quotes: list[Span] = []
    position = 0

    def add(text: str, quote: bool = False) -> None:
        nonlocal position
        text = " ".join(text.split())
        if not text:
            return
        if parts:
            position += 2  # the "\n\n" join below
        if quote:
            quotes.append(Span(position, position + len(text)))
        parts.append(text)
        position += len(text)

    add(page.dek or "")
    for block in page.body:
        if block.block_type == "paragraph":
            add(strip_tags(block.value.source).replace("&nbsp;", " "))
        elif block.block_type == "subheading":
            add(str(block.value))
        elif block.block_type == "quote":
            add(block.value["text"], quote=True)
            add(block.value.get("attribution") or "")
    return TextForOriginality(
        page.locale.language_code, "\n\n".join(parts), quote_spans=tuple(quotes)
    )


def linked_sources(page: ArticlePage) -> list[SourceArticle]:
    """The page's source articles in the editor's order (the in-memory links of a revision)."""
    ids = [link.source_article_id for link in page.source_links.all() if link.source_article_id]
    by_id = SourceArticle.objects.select_related("outlet").in_bulk(ids)
    return [by_id[i] for i in dict.fromkeys(ids) if i in by_id]


def source_text(source: SourceArticle) -> TextForOriginality:
    return TextForOriginality(source.language or source.outlet.language, source.text, source.title)


def source_ref(source: SourceArticle) -> SourceRef:
    return SourceRef(source.pk, source.title, source.url, source.language, source.outlet.name)
