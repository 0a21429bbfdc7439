"""Django syndication views over distribution.feeds: one RSS and one Atom class for every scope."""

from __future__ import annotations

from django.contrib.syndication.views import Feed

from . import conf
from .feedgen import NewsAtomFeed, NewsRssFeed
from .feeds import FeedChannel, FeedEntry, build_channel


class ArticleRssFeed(Feed):
    feed_type = NewsRssFeed

    def get_object(self, request, section_slug=None, tag_slug=None):
        return build_channel(request, section_slug=section_slug, tag_slug=tag_slug)

    def title(self, obj: FeedChannel) -> str:
        return obj.title

    def link(self, obj: FeedChannel) -> str:
        return obj.link

    def description(self, obj: FeedChannel) -> str:
        return obj.description

    subtitle = description

    def author_name(self) -> str:
        # Atom requires an author on the feed when entries may have none.
        return conf.site_name()

    def items(self, obj: FeedChannel) -> list[FeedEntry]:
        return obj.entries

    def item_title(self, item: FeedEntry) -> str:
        return item.title

    def item_link(self, item: FeedEntry) -> str:
        return item.link

    def item_description(self, item: FeedEntry) -> str:
        return item.summary

    def item_guid(self, item: FeedEntry) -> str:
        return item.guid

    item_guid_is_permalink = False

    def item_pubdate(self, item: FeedEntry):
        return item.published

    def item_updateddate(self, item: FeedEntry):
        return item.updated

    def item_categories(self, item: FeedEntry) -> list[str]:
        return item.categories

    def item_enclosure_url(self, item: FeedEntry):
        return item.image.url if item.image else None

    def item_enclosure_length(self, item: FeedEntry):
        return item.image.length if item.image else None

    def item_enclosure_mime_type(self, item: FeedEntry):
        return item.image.mime_type if item.image else None

    def item_extra_kwargs(self, item: FeedEntry) -> dict:
        return {"creators": item.authors, "content_html": item.content_html, "media": item.image}


class ArticleAtomFeed(ArticleRssFeed):
    feed_type = NewsAtomFeed
