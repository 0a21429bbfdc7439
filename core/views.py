"""Views that belong to no domain app: page serving, the language redirect and the 404 page."""

from django.conf import settings
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
