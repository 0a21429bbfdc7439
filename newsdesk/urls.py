"""URLs: admin and machine-readable routes unprefixed, reader pages under /en/ and /ru/."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from core import views as core_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("search.api_urls")),
    path("healthz", core_views.healthz, name="healthz"),
    re_path(
        r"^(?P<name>favicon\.ico|apple-touch-icon(?:-precomposed)?\.png)$",
        core_views.root_icon,
        name="root_icon",
    ),
    path("readyz", core_views.readyz, name="readyz"),
    path("", include("distribution.urls")),
    path("", core_views.language_redirect, name="language_redirect"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("search/", include("search.urls")),
    path("feed/", include("distribution.feed_urls")),
    # Wagtail's own URLs, its page view replaced by one with cached Site/home lookups
    # (core/routing.py); same pattern and name, so page URLs reverse exactly as before.
    *[pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"],
    re_path(wagtail_urls.serve_pattern, core_views.serve, name="wagtail_serve"),
    prefix_default_language=True,
)

handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"
