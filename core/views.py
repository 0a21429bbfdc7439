"""Views that belong to no domain app: page serving, the language redirect and the 404 page."""

import functools
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.cache import never_cache
from wagtail import views as wagtail_views

from core import wagtail_adapter
from core.health import readiness
from core.routing import localized_home, site_for_request


def language_redirect(request: HttpRequest) -> HttpResponse:
    """Send `/` to `/en/` or `/ru/` by the browser's Accept-Language header."""
    language = translation.get_language_from_request(request, check_path=False)
    supported = {code for code, _name in settings.LANGUAGES}
    if language not in supported:
        language = settings.LANGUAGE_CODE
    response = HttpResponseRedirect(f"/{language}/")
    response["Vary"] = "Accept-Language"
    return response


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """A 404 page in the language of the URL prefix."""
    return render(request, "404.html", status=404)


# Icons browsers and home screens ask for at the site root, whatever the page says
# (/favicon.ico is requested even without a <link rel="icon">). Served from core's static files.
ROOT_ICONS = {
    "favicon.ico": ("img/favicon.ico", "image/x-icon"),
    "apple-touch-icon.png": ("img/apple-touch-icon.png", "image/png"),
    "apple-touch-icon-precomposed.png": ("img/apple-touch-icon.png", "image/png"),
}


@functools.cache
def _icon_bytes(static_path: str) -> bytes:
    found = finders.find(static_path)
    if not found:
        raise Http404(static_path)
    return Path(str(found)).read_bytes()


def root_icon(request: HttpRequest, name: str) -> HttpResponse:
    """/favicon.ico and /apple-touch-icon.png (read once per process; public, cacheable)."""
    if name not in ROOT_ICONS:
        raise Http404(name)
    static_path, content_type = ROOT_ICONS[name]
    return HttpResponse(_icon_bytes(static_path), content_type=content_type)


def server_error(request: HttpRequest) -> HttpResponse:
    """A 500 page in the language of the URL prefix, rendered without the database: the error
    may be the database itself, so no header, date line or language switch."""
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        return render(request, "500.html", {"LANGUAGE_CODE": language}, status=500)


def healthz(request: HttpRequest) -> HttpResponse:
    """Liveness probe (no database, no cache); also the trivial baseline of benchmarks/pages.py."""
    return HttpResponse("ok", content_type="text/plain")


@never_cache
def readyz(request: HttpRequest) -> JsonResponse:
    """Readiness probe: 200 when the database and the cache answer, 503 naming what failed."""
    ready, details = readiness()
    return JsonResponse({"ready": ready, "checks": details}, status=200 if ready else 503)


def serve(request: HttpRequest, path: str) -> HttpResponse:
    """Wagtail's page view, with the Site and home page found by `core.routing`.

    Wagtail's own `serve` then runs unchanged (before/on-serve hooks, view restrictions,
    `page.serve`): only the route it would have computed is handed to it ready-made.
    """
    if not wagtail_adapter.route_set_on_request(request):
        route = None
        site = site_for_request(request)
        if site is not None:
            components = [component for component in path.split("/") if component]
            try:
                route = localized_home(site).route(request, components)
            except Http404:
                route = None
        wagtail_adapter.set_route_on_request(request, route)
    return wagtail_views.serve(request, path)
