"""Admin views for withdrawing and restoring an article. Thin: the rules are in
articles/withdrawals.py; these check the permission, ask for the reason and report back."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .models import ArticlePage
from .withdrawals import WithdrawalError, can_withdraw, restore, withdraw


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Kept in the page's history; readers only see that the article was withdrawn."),
    )


class RestoreForm(forms.Form):
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class _WithdrawalView(WagtailAdminTemplateMixin, FormView):
    template_name = "articles/admin/withdrawal_form.html"

    def dispatch(self, request, *args, **kwargs):
        if not can_withdraw(request.user):
            raise PermissionDenied
        self.page = get_object_or_404(ArticlePage, pk=kwargs["page_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page"] = self.page
        context["submit_label"] = self.submit_label
        context["explanation"] = self.explanation
        return context

    def done(self):
        return redirect(reverse("wagtailadmin_explore", args=[self.page.get_parent().pk]))


class WithdrawView(_WithdrawalView):
    form_class = WithdrawForm
    page_title = _("Withdraw article")
    header_icon = "warning"
    submit_label = _("Withdraw in every language")
    explanation = _(
        "The article and its translations are unpublished; their addresses answer "
        "“410 Gone” with a short notice, and they leave listings, feeds, sitemaps, search and "
        "“Don't Miss”. You can restore it later."
    )

    def form_valid(self, form):
        try:
            pages = withdraw(self.page, reason=form.cleaned_data["reason"], user=self.request.user)
        except WithdrawalError as error:
            messages.error(self.request, str(error))
            return self.done()
        messages.success(
            self.request,
            _("Withdrawn: %(title)s (%(count)d page(s)).")
            % {"title": self.page.title, "count": len(pages)},
        )
        return self.done()


class RestoreView(_WithdrawalView):
    form_class = RestoreForm
    page_title = _("Restore withdrawn article")
    header_icon = "undo"
    submit_label = _("Restore in every language")
    explanation = _("What was live when the article was withdrawn is published again.")

    def form_valid(self, form):
        try:
            pages = restore(self.page, user=self.request.user, note=form.cleaned_data["note"])
        except WithdrawalError as error:
            messages.error(self.request, str(error))
            return self.done()
        messages.success(
            self.request,
            _("Restored: %(title)s (%(count)d page(s)).")
            % {"title": self.page.title, "count": len(pages)},
        )
        return self.done()
