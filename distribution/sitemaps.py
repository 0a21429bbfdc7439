"""Sitemaps: every live page with its hreflang alternates, and a Google News sitemap per language.

Wagtail keeps each translation as its own page under its own language root, so the alternates
come from pages sharing a translation_key (one query per sitemap page), not from Django's
per-language URL reversing.

``lastmod`` of an article is its ``dateModified`` (``ArticlePage.date_modified``: the newest
notice, else its publication), the same date its JSON-LD and feed entry carry, so a re-save or a
typo fix does not tell crawlers it changed and a correction does. Other pages keep
``last_published_at``.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta

from django.contrib.sitemaps import Sitemap
from django.db.models import F, Q
from django.http import HttpRequest
from django.utils import timezone
from wagtail.models import Locale, Page

from articles.models import ArticlePage

from . import conf
from .links import absolute, wagtail_site

# Google News only reads articles published in the last two days.
NEWS_WINDOW = timedelta(hours=48)
# Google News sitemaps may list at most 1,000 URLs.
NEWS_LIMIT = 1000
X_DEFAULT_LANGUAGE = "en"


def language_roots(request: HttpRequest) -> list[Page]:
    """The site's root page in every language (the Russian home is a sibling of the English)."""
    site = wagtail_site(request)
    if site is None:
        return []
    return list(Page.objects.live().public().filter(translation_key=site.root_page.translation_key))


def site_pages(request: HttpRequest):
    """Live, public pages under any language root of the request's site, in tree order."""
    roots = language_roots(request)
    if not roots:
        return Page.objects.none()
    under_a_root = Q()
    for root in roots:
        under_a_root |= Q(path__startswith=root.path)
    return Page.objects.live().public().filter(under_a_root).order_by("path")


def with_article_dates(pages):
    """Annotate what :func:`lastmod_of` needs, on a queryset of plain pages (no join per row)."""
    return pages.annotate(
        article_ptr=F("articlepage__page_ptr_id"),
        article_display_date=F("articlepage__display_date"),
        article_modified_at=F("articlepage__substantively_modified_at"),
    )


class _Row:
    """A ``values()`` row read like a page by :func:`lastmod_of`."""

    def __init__(self, row: dict):
        self.__dict__.update(row)


def lastmod_of(page):
    """An article's dateModified (the same rule as ``ArticlePage.date_modified``), else the
    page's last publication."""
    if isinstance(page, ArticlePage):
        return page.date_modified
    if getattr(page, "article_ptr", None) is None:
        return page.last_published_at
    shown = page.article_display_date or page.first_published_at
    dates = [d for d in (shown, page.article_modified_at) if d]
    return max(dates, default=page.last_published_at)


def alternates_for(request: HttpRequest, pages: list[Page]) -> dict:
    """translation_key -> [{lang_code, location}], x-default last, for the given pages."""
    keys = {p.translation_key for p in pages}
    by_key: dict = defaultdict(dict)
    translations = (
        Page.objects.live()
        .public()
        .filter(translation_key__in=keys)
        .select_related("locale")
        .order_by("path")
    )
    for page in translations:
        by_key[page.translation_key][page.locale.language_code] = absolute(
            request, page.get_url(request)
        )
    result = {}
    for key, urls in by_key.items():
        alternates = [{"lang_code": code, "location": url} for code, url in sorted(urls.items())]
        default = urls.get(X_DEFAULT_LANGUAGE)
        if default is not None:
            alternates.append({"lang_code": "x-default", "location": default})
        result[key] = alternates
    return result


class PagesSitemap(Sitemap):
    """All pages of all languages, each listing its translations (and itself) as alternates."""

    limit = 5000

    def __init__(self, request: HttpRequest):
        self.request = request

    def items(self):
        return with_article_dates(site_pages(self.request))

    def get_latest_lastmod(self):
        # Exact: the newest entry's lastmod, from four columns of each page.
        rows = self.items().values(
            "first_published_at",
            "last_published_at",
            "article_ptr",
            "article_display_date",
            "article_modified_at",
        )
        return max((d for row in rows if (d := lastmod_of(_Row(row)))), default=None)

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        alternates = alternates_for(self.request, pages)
        return [
            {
                "item": p,
                "location": absolute(self.request, p.get_url(self.request)),
                "lastmod": lastmod_of(p),
                "alternates": alternates.get(p.translation_key, []),
            }
            for p in pages
        ]


class NewsSitemap(Sitemap):
    """Articles of one language first shown to readers in the last 48 hours (Google News)."""

    limit = NEWS_LIMIT

    def __init__(self, request: HttpRequest, language: str):
        self.request = request
        self.language = language

    def items(self):
        locale = Locale.objects.filter(language_code=self.language).first()
        if locale is None:
            return ArticlePage.objects.none()
        since = timezone.now() - NEWS_WINDOW
        return (
            ArticlePage.objects.published()
            .in_locale(locale)
            .newest_first()
            .filter(sort_date__gte=since)
        )[:NEWS_LIMIT]

    def get_latest_lastmod(self):
        return max((d for p in self.items() if (d := lastmod_of(p))), default=None)

    def _urls(self, page, protocol, domain):
        name = conf.site_name()
        return [
            {
                "item": article,
                "location": absolute(self.request, article.get_url(self.request)),
                "lastmod": lastmod_of(article),
                "news": {
                    "name": name,
                    "language": self.language,
                    "publication_date": article.sort_date,
                    "title": article.title,
                },
            }
            for article in self.paginator.page(page).object_list
        ]


def sitemap_sections(request: HttpRequest) -> dict[str, Sitemap]:
    """Name -> sitemap, in the order the index lists them; names appear in the URLs."""
    sections: dict[str, Sitemap] = {"pages": PagesSitemap(request)}
    for code, _name in conf.languages():
        sections[f"news-{code}"] = NewsSitemap(request, code)
    return sections
