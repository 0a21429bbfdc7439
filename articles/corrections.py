"""The public record of notices: the corrections page of each language and the policy link.

The corrections page lists every notice (correction, clarification, update) of one language's
published articles, newest first. The policy URL comes from one function here:
the newsroom's corrections-policy page (an InfoPage, articles/trust_pages.py) when one is live,
else ``NEWSDESK_CORRECTIONS_POLICY_URL`` (the built-in policy), so the corrections page, the 410
notice and the publisher's structured data (distribution) cannot disagree.
"""

from __future__ import annotations

from django.conf import settings
from django.db.models import QuerySet
from wagtail.models import Locale, Page

from . import trust_pages
from .models.notices import ArticleNotice

CORRECTIONS_PAGE_SIZE = 20


def corrections_policy_url(language: str) -> str:
    """The corrections policy for readers of `language` (a path or an absolute URL): the
    newsroom's own policy page when one is live (articles/trust_pages.py), else the setting."""
    page = trust_pages.corrections_policy_url(language)
    if page:
        return page
    return str(settings.NEWSDESK_CORRECTIONS_POLICY_URL).replace("{language}", language)


def corrections_url(language: str) -> str:
    """The corrections page of `language` (a route of that language's home page)."""
    return f"/{language}/corrections/"


def published_notices(locale: Locale | int) -> QuerySet[ArticleNotice]:
    """Notices on live, public articles of one language, newest first, with their article.

    Withdrawn articles are unpublished (articles/withdrawals.py), so their notices leave the
    list with them.
    """
    public_pages = Page.objects.live().public().filter(locale=locale).values("pk")
    return (
        ArticleNotice.objects.filter(locale=locale, page_id__in=public_pages)
        .select_related("page")
        .order_by("-date", "-pk")
    )
