"""Feeds, sitemaps and robots.txt as reader content: cache policy and purge on publish.

Feeds carry their language's listing key and sitemaps the sitemaps key (core/purge.py), so a
published, edited or withdrawn article removes every stored feed and sitemap that lists it,
including tag and section feeds no URL list would name; the URLs below serve CDNs.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils import translation

from articles.models import ArticlePage
from core.http_cache import declare_public_view
from core.purge import SITE_KEY, SITEMAPS_KEY, PurgeSet, listing_key, register_purge_provider

FEED_VIEWS = ["rss", "atom", "section_rss", "section_atom", "tag_rss", "tag_atom"]


def _feed_keys(request, kwargs) -> list[str]:
    return [SITE_KEY, listing_key((translation.get_language() or "en")[:2])]


def _sitemap_keys(request, kwargs) -> list[str]:
    return [SITE_KEY, SITEMAPS_KEY]


def feeds_and_sitemaps_purge(page, purge: PurgeSet) -> None:
    purge.keys.add(SITEMAPS_KEY)
    root = page.get_site().root_url if page.get_site() else None
    if root is None:
        return
    paths = [reverse("distribution_sitemap_index")]
    paths += [
        reverse("distribution_sitemap", kwargs={"section": name})
        for name in ["pages", f"news-{page.locale.language_code}"]
    ]
    if isinstance(page, ArticlePage):
        with translation.override(page.locale.language_code):
            section = page.get_parent()
            for kind in ("rss", "atom"):
                paths.append(reverse(f"distribution_feeds:{kind}"))
                if section is not None:
                    paths.append(
                        reverse(
                            f"distribution_feeds:section_{kind}",
                            kwargs={"section_slug": section.slug},
                        )
                    )
                for slug in page.tags.values_list("slug", flat=True):
                    paths.append(
                        reverse(f"distribution_feeds:tag_{kind}", kwargs={"tag_slug": slug})
                    )
    purge.urls.update(root + path for path in paths)


def connect() -> None:
    declare_public_view(*(f"distribution_feeds:{name}" for name in FEED_VIEWS), keys=_feed_keys)
    declare_public_view(
        "distribution_sitemap_index", "distribution_sitemap", "robots_txt", keys=_sitemap_keys
    )
    register_purge_provider(feeds_and_sitemaps_purge)
