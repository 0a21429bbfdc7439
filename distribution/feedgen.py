"""RSS 2.0 and Atom writers: Django's, plus full text, media:content and a feed-level author.

Django's generators cover the required elements; readers also expect `content:encoded` (RSS) or
`<content>` (Atom) for full text and `media:content` for the picture, which Django does not write.
"""

from __future__ import annotations

from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed, rfc3339_date

CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
MEDIA_NS = "http://search.yahoo.com/mrss/"
DC_NS = "http://purl.org/dc/elements/1.1/"


class NewsRssFeed(Rss201rev2Feed):
    def rss_attributes(self):
        attrs = super().rss_attributes()
        attrs.update({"xmlns:content": CONTENT_NS, "xmlns:media": MEDIA_NS, "xmlns:dc": DC_NS})
        return attrs

    def add_item_elements(self, handler, item):
        # Authors go to dc:creator (RSS <author> must be an e-mail address), one element each.
        creators = item.get("creators") or []
        super().add_item_elements(handler, item)
        for name in creators:
            handler.addQuickElement("dc:creator", name)
        # RSS has no per-item "updated"; Atom's element (its namespace is declared by Django for
        # atom:link) tells readers the entry changed (a correction or update notice).
        updated, published = item.get("updateddate"), item.get("pubdate")
        if updated is not None and published is not None and updated > published:
            handler.addQuickElement("atom:updated", rfc3339_date(updated))
        if item.get("content_html"):
            handler.addQuickElement("content:encoded", item["content_html"])
        media = item.get("media")
        if media is not None:
            handler.addQuickElement(
                "media:content",
                "",
                {
                    "url": media.url,
                    "medium": "image",
                    "type": media.mime_type,
                    "width": str(media.width),
                    "height": str(media.height),
                    "fileSize": str(media.length),
                },
            )


class NewsAtomFeed(Atom1Feed):
    def add_item_elements(self, handler, item):
        creators = item.get("creators") or []
        super().add_item_elements(handler, item)
        for name in creators:
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            handler.endElement("author")
        if item.get("content_html"):
            handler.addQuickElement("content", item["content_html"], {"type": "html"})
