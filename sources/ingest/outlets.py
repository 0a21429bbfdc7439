"""Finding or registering the outlet and feed a URL belongs to (no network)."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Locale

from core.web_urls import url_host

from ..models import Feed, Outlet


def default_locale() -> Locale:
    locale, _created = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    return locale


def find_outlet(name: str | None, url: str) -> Outlet | None:
    """The existing outlet named ``name``, else (no name) the one whose homepage host matches."""
    locale = default_locale()
    if name:
        found = Outlet.objects.filter(name__iexact=name, locale=locale).first()
        return found or Outlet.objects.filter(name__iexact=name).first()
    host = url_host(url)
    for outlet in Outlet.objects.filter(locale=locale).exclude(homepage=""):
        if url_host(outlet.homepage) == host:
            return outlet
    return None


def resolve_outlet(
    name: str | None, url: str, *, site_name: str | None = None, language: str = ""
) -> Outlet:
    """The outlet named ``name`` (created if new), else the one whose homepage host matches."""
    found = find_outlet(name, url)
    if found is not None:
        return found
    locale = default_locale()
    parts = urlsplit(url)
    homepage = f"{parts.scheme}://{parts.netloc}/"
    if name:
        return Outlet.objects.create(name=name, homepage=homepage, language=language, locale=locale)
    host = url_host(url)
    return Outlet.objects.create(
        name=(site_name or host or "Unknown outlet")[:200],
        homepage=homepage,
        language=language,
        locale=locale,
    )


def add_feed(
    url: str, outlet_name: str, *, poll_interval_minutes: int | None = None
) -> tuple[Feed, bool]:
    """Register a feed (no network): returns (feed, created). Polled on the next run."""
    outlet = resolve_outlet(outlet_name, url)
    defaults: dict = {"outlet": outlet}
    if poll_interval_minutes:
        defaults["poll_interval_minutes"] = poll_interval_minutes
    return Feed.objects.get_or_create(url=url, defaults=defaults)
