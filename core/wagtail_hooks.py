"""Wagtail hooks owned by core: tell the HTTP cache policy which page is being served; admin
notifications on the dashboard; the admin CSS (the publishing schedule dialog)."""

from typing import Any

from django.http import HttpRequest
from django.templatetags.static import static
from django.urls import path
from django.utils.html import format_html
from wagtail import hooks
from wagtail.models import Page

from core.admin_notifications import NotificationsPanel, notification_read
from core.http_cache import mark_page


@hooks.register("before_serve_page")
def record_served_page(
    page: Page, request: HttpRequest, serve_args: list[Any], serve_kwargs: dict[str, Any]
) -> None:
    # Returning None lets Wagtail go on serving; core/http_cache.py reads the page's policy.
    mark_page(request, page)


@hooks.register("construct_homepage_panels")
def add_notifications_panel(request: HttpRequest, panels: list[Any]) -> None:
    panels.append(NotificationsPanel(request))


@hooks.register("register_admin_urls")
def register_notification_urls() -> list[Any]:
    return [
        path("notifications/<int:pk>/read/", notification_read, name="newsdesk_notification_read")
    ]


@hooks.register("insert_global_admin_css")
def admin_css() -> str:
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))
