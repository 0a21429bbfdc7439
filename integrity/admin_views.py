"""Admin views of the originality guard: a page's report with the override form, the overrides
report. Thin: the rules are integrity/guard.py."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from articles.models import ArticlePage

from .guard import can_override, latest_check, publish_decision, publish_with_reason
from .highlight import percent, side_by_side
from .models import OriginalityOverride
from .panels import TEMPLATE as PANEL_TEMPLATE
from .panels import panel_context


class OverrideForm(forms.Form):
    reason = forms.CharField(
        label=_("Why may this article be published although it repeats its source?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )


class PanelStateView(View):
    """The editor panel's current rendering as JSON, for its own refresh (originality-panel.js)."""

    def get(self, request, page_id: int):
        page = get_object_or_404(ArticlePage, pk=page_id)
        if not page.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        context = panel_context(page)
        html = render_to_string(PANEL_TEMPLATE, context, request=request)
        return JsonResponse({"state": context["state"], "html": html})


class PageOriginalityView(WagtailAdminTemplateMixin, TemplateView):
    """The latest check of an article, side by side with its sources; publish with a reason."""

    template_name = "integrity/admin/page_report.html"
    header_icon = "doc-full"

    def dispatch(self, request, *args, **kwargs):
        self.page = get_object_or_404(ArticlePage, pk=kwargs["page_id"])
        if not self.page.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Originality: %(title)s") % {"title": self.page.draft_title or self.page.title}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        check = latest_check(self.page)
        latest = self.page.get_latest_revision_as_object()
        decision = publish_decision(latest)
        context.update(
            page=self.page,
            check=check,
            decision=decision,
            share_label=percent(check.share) if check else "",
            quote_label=percent(check.quote_share) if check else "",
            view=side_by_side(check.report) if check and check.report else None,
            passages=check.report.get("passages", []) if check and check.report else [],
            may_override=(
                not decision.allowed
                and decision.why in ("flagged", "failed")
                and can_override(self.request.user)
                and self.page.permissions_for_user(self.request.user).can_publish()
            ),
            form=kwargs.get("form") or OverrideForm(),
            overrides=OriginalityOverride.objects.filter(page=self.page).select_related("user"),
        )
        return context

    def post(self, request, *args, **kwargs):
        if not can_override(request.user):
            raise PermissionDenied
        if not self.page.permissions_for_user(request.user).can_publish():
            raise PermissionDenied
        form = OverrideForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        publish_with_reason(self.page, request.user, form.cleaned_data["reason"])
        messages.success(
            request, _("Published above the originality threshold; your reason is recorded.")
        )
        return redirect("wagtailadmin_pages:edit", self.page.pk)


class OverridesReportView(WagtailAdminTemplateMixin, TemplateView):
    """Every publication above the threshold, who allowed it and why, newest first."""

    template_name = "integrity/admin/overrides.html"
    page_title = _("Originality overrides")
    header_icon = "warning"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("integrity.view_originalityoverride") and not can_override(
            request.user
        ):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        overrides = list(OriginalityOverride.objects.select_related("page", "user")[:500])
        for override in overrides:
            override.share_label = percent(override.share)
        context["overrides"] = overrides
        return context
