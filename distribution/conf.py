"""Distribution settings, read at call time so tests can override them.

Their defaults are in newsdesk/settings/base.py, and only there."""

from __future__ import annotations

from django.conf import settings


def feed_full_text() -> bool:
    """Whether feeds carry the whole article body or only the dek.

    Off by default: a teaser brings readers to the site, where the attribution block is shown
    next to the text; newsrooms that syndicate in full switch it on.
    """
    return bool(settings.NEWSDESK_FEED_FULL_TEXT)


def feed_item_count() -> int:
    """How many of the newest articles a feed lists."""
    return int(settings.NEWSDESK_FEED_ITEMS)


def site_name() -> str:
    return settings.WAGTAIL_SITE_NAME


def languages() -> list[tuple[str, str]]:
    return list(settings.LANGUAGES)
