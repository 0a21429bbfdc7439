"""Newsroom reports in the Wagtail admin: feed health, and the review of source updates."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from articles.models import ArticleSourceLink
from sources.models import ExtractionRule, Feed, FeedRule

from .inbox import (
    mark_source_update_reviewed,
)

# --------------------------------------------------------------------------------------------
# Reports
# --------------------------------------------------------------------------------------------


class _AdminPage(WagtailAdminTemplateMixin, TemplateView):
    permission = "sources.view_feed"

    def get_breadcrumbs_items(self):
        # Headed by the report's own title, under Reports (not just "Home").
        return [
            *self.breadcrumbs_items,
            {"url": "", "label": _("Reports")},
            {"url": "", "label": self.get_page_title()},
        ]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class FeedHealthView(_AdminPage):
    """Failing feeds first, with the error an editor can act on; healthy feeds below."""

    template_name = "newsroom/admin/feed_health.html"
    page_title = _("Feed health")
    header_icon = "warning"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        feeds = Feed.objects.select_related("outlet")
        context["failing"] = list(
            feeds.filter(Q(consecutive_failures__gt=0)).order_by("-consecutive_failures", "url")
        )
        context["warnings"] = list(
            feeds.filter(consecutive_failures=0).exclude(last_error="").order_by("url")
        )
        context["healthy_count"] = feeds.filter(consecutive_failures=0, last_error="").count()
        context["never_polled"] = feeds.filter(last_polled_at__isnull=True).count()
        context["all_feeds"] = list(feeds.order_by("outlet__name", "url"))
        context["broken_extraction_rules"] = list(
            ExtractionRule.objects.filter(active=True)
            .exclude(missed_fields=[])
            .select_related("outlet")
            .order_by("outlet__name")
        )
        context["failing_feed_rules"] = list(
            FeedRule.objects.filter(active=True)
            .exclude(last_error="")
            .select_related("feed")
            .order_by("-last_error_at")
        )
        return context


@require_POST
def source_update_reviewed(request, link_pk: int):
    link = get_object_or_404(ArticleSourceLink.objects.select_related("page"), pk=link_pk)
    if not link.page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    mark_source_update_reviewed(link)
    messages.success(request, _("Marked as reviewed."))
    return redirect("sources_newsroom:source_updates")
