"""Distribution settings with their defaults, read at call time so tests can override them."""

from __future__ import annotations

from django.conf import settings


def feed_full_text() -> bool:
    """Whether feeds carry the whole article body or only the dek.

    Off by default: a teaser brings readers to the site, where the attribution block is shown
    next to the text; newsrooms that syndicate in full switch it on.
    """
    return bool(getattr(settings, "NEWSDESK_FEED_FULL_TEXT", False))


def feed_item_count() -> int:
    """How many of the newest articles a feed lists."""
    return int(getattr(settings, "NEWSDESK_FEED_ITEMS", 30))


def site_name() -> str:
    return getattr(settings, "WAGTAIL_SITE_NAME", "Newsdesk")


def languages() -> list[tuple[str, str]]:
    return list(settings.LANGUAGES)
