"""Wagtail hooks owned by core: tell the HTTP cache policy which page is being served."""

from wagtail import hooks

from core.http_cache import mark_page


@hooks.register("before_serve_page")
def record_served_page(page, request, serve_args, serve_kwargs):
    # Returning None lets Wagtail go on serving; core/http_cache.py reads the page's policy.
    mark_page(request, page)
