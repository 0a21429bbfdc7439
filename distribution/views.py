"""Thin views for machine readers: sitemap index and sections, robots.txt.

Their Cache-Control comes from core/http_cache.py (declared in distribution/http_cache.py).
"""

from __future__ import annotations

from django.contrib.sitemaps import views as sitemap_views
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET

from . import robots
from .sitemaps import sitemap_sections


@require_GET
def sitemap_index(request: HttpRequest):
    return sitemap_views.index(
        request,
        sitemap_sections(request),
        template_name="distribution/sitemap_index.xml",
        sitemap_url_name="distribution_sitemap",
    )


@require_GET
def sitemap_section(request: HttpRequest, section: str):
    sections = sitemap_sections(request)
    if section not in sections:
        raise Http404(f"No sitemap section {section!r}")
    template = "distribution/news_sitemap.xml" if section.startswith("news-") else None
    return sitemap_views.sitemap(
        request,
        sections,
        section=section,
        template_name=template or "distribution/pages_sitemap.xml",
    )


@require_GET
def robots_txt(request: HttpRequest) -> HttpResponse:
    sitemap_urls = [request.build_absolute_uri(reverse("distribution_sitemap_index"))]
    sitemap_urls += [
        request.build_absolute_uri(reverse("distribution_sitemap", kwargs={"section": name}))
        for name in sitemap_sections(request)
    ]
    return HttpResponse(robots.render(sitemap_urls), content_type="text/plain; charset=utf-8")
