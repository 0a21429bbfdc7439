"""Admin views of the watch after publication: the report, and "Write a correction". Thin; the
rules are in newsroom/source_report.py."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from articles.models import ArticlePage

from .inbox import diff_lines
from .source_report import draft_correction, source_report


class SourceUpdatesView(WagtailAdminTemplateMixin, TemplateView):
    """Published articles whose sources changed, were corrected or withdrawn since publication."""

    template_name = "newsroom/admin/source_updates.html"
    page_title = _("Sources updated since publication")
    header_icon = "history"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("sources.view_sourcearticle"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        # The header names the report (Wagtail's default would show only "Home").
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["entries"] = [
            (entry, [(change, diff_lines(change.update.diff)) for change in entry.changes])
            for entry in source_report()
        ]
        return context


@require_POST
def write_correction(request, page_pk: int):
    """Open the page editor on a new draft with a correction notice prefilled from the source."""
    page = get_object_or_404(ArticlePage, pk=page_pk)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    entry = next((e for e in source_report() if e.page.pk == page.pk), None)
    if entry is None or not entry.changes:
        raise Http404("no source of this article changed since publication")
    draft_correction(page, entry.changes[0], request.user)
    messages.success(
        request, _("A correction notice was drafted from the source; rewrite it and publish.")
    )
    return redirect("wagtailadmin_pages:edit", page.pk)
