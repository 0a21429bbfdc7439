"""Absolute URLs, language roots and stable identifiers shared by feeds, sitemaps and JSON-LD."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from wagtail.models import Locale, Page, Site

# The date in tag: URIs (RFC 4151) names when the authority held the domain. It must never change,
# or every reader would see every item again as new.
TAG_URI_DATE = "2025"


def absolute(request: HttpRequest, url: str) -> str:
    """An absolute URL on the host the request came in on, as the canonical links in base.html."""
    return request.build_absolute_uri(url)


def wagtail_site(request: HttpRequest | None) -> Site | None:
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    return site


def home_for_locale(request: HttpRequest, locale: Locale) -> Page | None:
    """The live home page of `locale`: the site root in that language."""
    site = wagtail_site(request)
    if site is None:
        return None
    return (
        Page.objects.live()
        .public()
        .filter(translation_key=site.root_page.translation_key, locale=locale)
        .first()
    )


def tag_uri(request: HttpRequest | None, page: Page) -> str:
    """A GUID for `page` that survives edits, slug changes, moves and a change of serving host.

    It is built from the configured Wagtail site's hostname (not the request's) and the page id,
    which Wagtail never reuses; each translation is its own page and so its own item.
    """
    site = wagtail_site(request)
    host = site.hostname if site is not None else "localhost"
    return f"tag:{host},{TAG_URI_DATE}:page:{page.pk}"


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]
