"""Wagtail hooks owned by core: tell the HTTP cache policy which page is being served."""

from typing import Any

from django.http import HttpRequest
from wagtail import hooks
from wagtail.models import Page

from core.http_cache import mark_page


@hooks.register("before_serve_page")
def record_served_page(
    page: Page, request: HttpRequest, serve_args: list[Any], serve_kwargs: dict[str, Any]
) -> None:
    # Returning None lets Wagtail go on serving; core/http_cache.py reads the page's policy.
    mark_page(request, page)
