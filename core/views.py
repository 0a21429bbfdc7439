"""Views that belong to no domain app: the language redirect and the 404 page."""

from django.conf import settings
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils import translation


def language_redirect(request):
    """Send `/` to `/en/` or `/ru/` by the browser's Accept-Language header."""
    language = translation.get_language_from_request(request, check_path=False)
    supported = {code for code, _name in settings.LANGUAGES}
    if language not in supported:
        language = settings.LANGUAGE_CODE
    response = HttpResponseRedirect(f"/{language}/")
    response["Vary"] = "Accept-Language"
    return response


def page_not_found(request, exception=None):
    """A 404 page in the language of the URL prefix."""
    return render(request, "404.html", status=404)


def healthz(request):
    """Liveness probe for load balancers; also the trivial baseline of benchmarks/pages.py."""
    return HttpResponse("ok", content_type="text/plain")
