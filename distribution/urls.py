"""Unprefixed machine-readable routes: sitemaps, robots.txt and the read-only API."""

from django.urls import path, re_path

from . import views
from .api import api_router

urlpatterns = [
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", views.sitemap_index, name="distribution_sitemap_index"),
    re_path(
        r"^sitemap-(?P<section>[a-z0-9-]+)\.xml$",
        views.sitemap_section,
        name="distribution_sitemap",
    ),
    path("api/v2/", api_router.urls),
]
