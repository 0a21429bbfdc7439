"""What a change to an article (or a home or section page) makes stale in the front caches.

Registered with core/purge.py. URLs serve every front cache (a CDN purges by URL); the keys
reach, in Varnish, stored variants that no URL list names (paginated listings, "Don't Miss"
cards chosen by shared tags).
"""

from __future__ import annotations

from core.purge import SITE_KEY, PurgeSet, listing_key, register_purge_provider

from .models import ArticlePage, HomePage, InfoPage, PinnedRelatedArticle, SectionPage


def _full_url(page, purge: PurgeSet) -> str | None:
    return page.get_full_url(purge)


def article_purge(page, purge: PurgeSet) -> None:
    if isinstance(page, (HomePage, SectionPage, InfoPage)):
        # Titles of homes and sections are in every page's navigation; the about and
        # corrections pages in every page's footer and the publisher's JSON-LD.
        purge.keys.add(SITE_KEY)
        return
    if not isinstance(page, ArticlePage):
        return
    # The article in every language: each links to the others (language switch, hreflang).
    translations = list(page.get_translations(inclusive=False).specific(defer=True))
    for translation in translations:
        purge.add_page(translation)
    # Listings of its language: home, its section, its tags (URLs), and every other listing of
    # that language, paginated ones included (key).
    purge.keys.add(listing_key(page.locale.language_code))
    section = page.get_parent()
    if section is not None:
        purge.add_page(section)
    for home in HomePage.objects.live().specific(defer=True):
        purge.add_page(home)
        if home.locale_id == page.locale_id and (home_url := _full_url(home, purge)):
            for slug in page.tags.values_list("slug", flat=True):
                purge.urls.add(home_url + home.reverse_subpage("tag", args=[slug]).lstrip("/"))
    # "Don't Miss" blocks that pin it.
    pinning = PinnedRelatedArticle.objects.filter(related_id=page.pk).values_list("page_id")
    for other in ArticlePage.objects.filter(pk__in=pinning).defer_streamfields():
        purge.add_page(other)


def connect() -> None:
    register_purge_provider(article_purge)
