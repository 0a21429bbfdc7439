"""Middleware that belongs to no domain app."""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import unquote

from django.http import HttpRequest, HttpResponseBadRequest
from django.http.response import HttpResponseBase

# C0 controls and DEL. Tab, LF and CR are allowed in query values (a pasted search query).
PATH_CONTROLS = re.compile(r"[\x00-\x1f\x7f]")
QUERY_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class RejectControlCharactersMiddleware:
    """Answer 400 to a request whose path or query string holds NUL or other control bytes.

    WHY here, before any view: no URL, slug, tag or search of this site contains them, and
    PostgreSQL refuses NUL in any text parameter ("A string literal cannot contain NUL"), so
    every view passing a path segment or parameter to a query answered 500. Refusing them once,
    at the door, covers views that exist today and those added later (Wagtail's included).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        query = request.META.get("QUERY_STRING", "")
        if PATH_CONTROLS.search(request.path_info) or (
            query and QUERY_CONTROLS.search(unquote(query.replace("+", " "), errors="replace"))
        ):
            return HttpResponseBadRequest(
                "Control characters are not allowed in URLs.", content_type="text/plain"
            )
        return self.get_response(request)
