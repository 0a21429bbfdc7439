"""URLs: admin and machine-readable routes unprefixed, reader pages under /en/ and /ru/."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from core import views as core_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("search.api_urls")),
    path("healthz", core_views.healthz, name="healthz"),
    path("", include("distribution.urls")),
    path("", core_views.language_redirect, name="language_redirect"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("search/", include("search.urls")),
    path("feed/", include("distribution.feed_urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler404 = "core.views.page_not_found"
