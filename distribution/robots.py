"""The robots.txt text: crawl everything readers see, not the admin or search results."""

from __future__ import annotations

from django.urls import reverse
from django.utils import translation

from . import conf


def disallowed_paths() -> list[str]:
    """Admin, and search result pages in every language: endless query URLs with thin content
    that would waste crawl budget and compete with the articles themselves."""
    paths = ["/admin/", reverse("api_search")]
    for code, _name in conf.languages():
        with translation.override(code):
            paths.append(reverse("search:search"))
    return paths


def render(sitemap_urls: list[str]) -> str:
    lines = ["User-agent: *"]
    lines += [f"Disallow: {path}" for path in disallowed_paths()]
    lines.append("Allow: /")
    lines.append("")
    lines += [f"Sitemap: {url}" for url in sitemap_urls]
    return "\n".join(lines) + "\n"
