"""The admin side of notifications: the dashboard panel that lists a user's unread ones, and
the view that marks one read. Thin; the rules are in core/notifications.py."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from wagtail.admin.ui.components import Component

from .notifications import mark_read, unread_for

PANEL_LIMIT = 20


class NotificationsPanel(Component):
    """First on the dashboard: what happened to the user's articles while they were away."""

    name = "newsdesk_notifications"
    template_name = "core/admin/notifications_panel.html"
    order = 50

    def __init__(self, request: HttpRequest) -> None:
        self.request = request

    def get_context_data(self, parent_context: Mapping[str, Any] | None = None) -> dict:
        unread = unread_for(self.request.user)
        return {
            "notifications": list(unread[:PANEL_LIMIT]),
            "more": max(unread.count() - PANEL_LIMIT, 0),
            "request": self.request,
        }

    def render_html(self, parent_context: Mapping[str, Any] | None = None) -> str:
        if not unread_for(self.request.user).exists():
            return ""
        return super().render_html(parent_context)


@require_POST
def notification_read(request: HttpRequest, pk: int) -> HttpResponse:
    mark_read(request.user, pk)
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = ""
    return redirect(target or "wagtailadmin_home")
