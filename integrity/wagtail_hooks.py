"""Wagtail hooks of the originality guard: the publication gate, admin URLs, overrides report."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.models import Permission
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from articles.models import ArticlePage
from articles.publish_gate import HOOK as PUBLISH_GATE_HOOK
from articles.publish_gate import publication_refusal

from . import admin_views
from .guard import can_override, latest_check
from .highlight import percent
from .models import OriginalityCheck
from .publishing import refusal_for

urls = [
    path("page/<int:page_id>/", admin_views.PageOriginalityView.as_view(), name="page"),
    path("page/<int:page_id>/panel/", admin_views.PanelStateView.as_view(), name="panel"),
    path("overrides/", admin_views.OverridesReportView.as_view(), name="overrides"),
]


@hooks.register("insert_editor_js")
def originality_panel_js():
    return format_html('<script src="{}"></script>', static("integrity/originality-panel.js"))


@hooks.register("register_admin_urls")
def register_integrity_urls():
    return [path("integrity/", include((urls, "integrity"), namespace="integrity"))]


def refusal_html(text: str, page_id: int, user) -> str:
    link = _("Publish with a reason") if can_override(user) else _("See the passages")
    url = reverse("integrity:page", args=[page_id])
    return format_html('{} <a href="{}">{}</a>', text, url, link)


# Every publication of an article asks the guard (articles/publish_gate.py, publishing.py).
hooks.register(PUBLISH_GATE_HOOK, refusal_for)


@hooks.register("before_publish_page")
def refuse_unoriginal_publication(request, page):
    """The editor's Publish button: the same gate, answered with a message instead of an error."""
    page = page.specific
    if not isinstance(page, ArticlePage):
        return None
    reason = publication_refusal(page, page.latest_revision, request.user)
    if reason is None:
        return None
    if page.live and page.live_revision_id is None:
        # Creating and publishing in one go: Wagtail added the page live before asking us.
        ArticlePage.objects.filter(pk=page.pk).update(live=False, has_unpublished_changes=True)
    messages.error(request, refusal_html(reason, page.pk, request.user))
    return redirect("wagtailadmin_pages:edit", page.pk)


class _OverridesMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("integrity.view_originalityoverride") or can_override(
            request.user
        )


@hooks.register("register_reports_menu_item")
def register_overrides_report():
    return _OverridesMenuItem(
        gettext_lazy("Originality overrides"),
        reverse("integrity:overrides"),
        name="originality-overrides",
        icon_name="warning",
        order=970,
    )


@hooks.register("register_permissions")
def register_override_permission():
    return Permission.objects.filter(
        content_type__app_label="integrity",
        codename__in=["publish_despite_originality", "view_originalityoverride"],
    )


@hooks.register("newsroom_interpretation_note")
def interpretation_originality_note(page):
    """On the "Write interpretation" page: each interpretation's share, linked to its report."""
    check = latest_check(page)
    url = reverse("integrity:page", args=[page.pk])
    if check is None or check.status != OriginalityCheck.Status.DONE:
        return format_html('<a href="{}">{}</a>', url, _("originality: not checked yet"))
    label = _("originality: %(share)s of the sources' text") % {"share": percent(check.share)}
    if check.flagged:
        label = f"{label}, {_('above the threshold')}"
    return format_html(
        '<a href="{}" class="originality-note{}">{}</a>',
        url,
        " originality-flagged" if check.flagged else "",
        label,
    )


@hooks.register("before_bulk_action")
def refuse_unoriginal_bulk_publication(request, action_type, objects, action_class_instance):
    """Publishing several pages from a listing follows the same rule as the editor."""
    if action_type != "publish":
        return None
    refused = []
    for obj in objects:
        page = obj.specific if hasattr(obj, "specific") else obj
        if isinstance(page, ArticlePage):
            revision = page.get_latest_revision()
            if publication_refusal(page.get_latest_revision_as_object(), revision, request.user):
                refused.append(page)
    if not refused:
        return None
    for page in refused:
        messages.error(
            request,
            format_html(
                '{} <a href="{}">{}</a>',
                _("Not published: “%(title)s” repeats its sources above the threshold.")
                % {"title": page.draft_title},
                reverse("integrity:page", args=[page.pk]),
                _("See the passages"),
            ),
        )
    return redirect(action_class_instance.next_url)
