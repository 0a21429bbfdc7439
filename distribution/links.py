"""Absolute URLs, language roots and stable identifiers shared by feeds, sitemaps and JSON-LD."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

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


def is_domain_name(host: str) -> bool:
    """A public DNS name (RFC 4151 tag authorities are domain names): not "localhost", not an
    IP address, not a bare machine name."""
    host = host.strip().lower().rstrip(".")
    if not host or "." not in host or host.endswith(".localhost") or host == "localhost":
        return False
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return True
    return False


def site_domain(request: HttpRequest | None) -> str:
    """The site's domain name, for identifiers that must not change with the serving host.

    The configured Wagtail Site's hostname when it is a real domain; else the host of the
    public base URL (NEWSDESK_BASE_URL); else, on a machine with neither (the demo on
    127.0.0.1), the host the request came in on, so no identifier says "localhost".
    """
    site = wagtail_site(request)
    if site is not None and is_domain_name(site.hostname):
        return site.hostname.lower()
    base_host = urlsplit(settings.WAGTAILADMIN_BASE_URL or "").hostname or ""
    if is_domain_name(base_host):
        return base_host.lower()
    if request is not None:
        host = urlsplit(f"//{request.get_host()}").hostname
        if host:
            return host
    return site.hostname if site is not None else "localhost"


def tag_uri(request: HttpRequest | None, page: Page) -> str:
    """A GUID for `page` that survives edits, slug changes, moves and a change of serving host.

    It is built from the site's domain (`site_domain`, not the request's host when a domain is
    configured) and the page id, which Wagtail never reuses; each translation is its own page
    and so its own item.
    """
    return f"tag:{site_domain(request)},{TAG_URI_DATE}:page:{page.pk}"


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]
