"""Admin views for the translation workflow; thin wrappers over translation.services.

Two of them stand in for wagtail-localize views at the same URLs (see wagtail_hooks.py): its
machine-translate view and its "Sync translated pages" view let a backend failure escape as a
server error, and the latter can publish unreviewed machine output. Ours catch the failure,
show it as an admin message and send the editor back to where they were; nothing is lost
because the translation editor saves every segment as soon as it is edited.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.html import format_html
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.views.edit_translation import (
    apply_machine_translation,
    user_can_edit_instance,
)
from wagtail_localize.views.update_translations import UpdateTranslationsView

from . import services
from .machine.base import MachineTranslationError


def _back(request: HttpRequest, fallback: str) -> HttpResponse:
    return redirect(get_valid_next_url_from_request(request) or fallback)


def review_url(translation: Translation) -> str:
    return reverse("translation:review_machine", args=[translation.id])


def refusal_message(translation: Translation, reason: str):
    """The publish refusal with a link to the review screen (safe HTML for admin messages)."""
    return format_html(
        '{} <a href="{}">Review machine translations</a>', reason, review_url(translation)
    )


@require_POST
def machine_translate(request: HttpRequest, translation_id: int) -> HttpResponse:
    """Fill empty segments by machine; backend failures become an error message, not a 500."""
    machine_translator = get_machine_translator()
    if machine_translator is None:
        raise Http404
    try:
        filled = apply_machine_translation(translation_id, request.user, machine_translator)
    except MachineTranslationError as err:
        messages.error(request, str(err))
    else:
        if filled:
            messages.success(
                request,
                f"Translated the missing segments with {machine_translator.display_name}. "
                "They stay marked as machine output until you save or approve each one.",
            )
        else:
            messages.warning(request, "There isn't anything left to translate.")
    return _back(request, reverse("wagtailadmin_home"))


class GuardedUpdateTranslationsView(UpdateTranslationsView):
    """wagtail-localize's "Sync translated pages", refusing to publish unreviewed machine text."""

    def form_valid(self, form):
        if form.cleaned_data.get("publish_translations") and (
            not services.unreviewed_machine_publishing_allowed()
        ):
            if form.cleaned_data.get("use_machine_translation"):
                messages.error(
                    self.request,
                    "Machine translations must be reviewed before they are published. "
                    "Untick “Publish immediately”, review the machine output, then publish.",
                )
                return self.render_to_response(self.get_context_data())
            for translation in self.object.translations.filter(enabled=True).select_related(
                "target_locale"
            ):
                reason = services.publish_refusal(translation)
                if reason:
                    messages.error(self.request, refusal_message(translation, reason))
                    return self.render_to_response(self.get_context_data())
        try:
            # The parent's form_valid runs in one transaction: a failure rolls the sync back.
            return super().form_valid(form)
        except MachineTranslationError as err:
            messages.error(self.request, f"{err} The translations were not synced.")
            return self.render_to_response(self.get_context_data())


def _translation_for_editing(request: HttpRequest, translation_id: int):
    translation = get_object_or_404(
        Translation.objects.select_related("source", "target_locale"), id=translation_id
    )
    instance = translation.get_target_instance()
    if not user_can_edit_instance(request.user, instance):
        raise PermissionDenied
    return translation, instance


class MachineReviewView(WagtailAdminTemplateMixin, TemplateView):
    """Lists a translation's unreviewed machine segments; approving one records the reviewer."""

    template_name = "translation/review_machine.html"
    header_icon = "wagtail-localize-language"

    def dispatch(self, request, translation_id: int, *args, **kwargs):
        self.translation, self.instance = _translation_for_editing(request, translation_id)
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return "Review machine translation"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": self.translation.get_target_instance_edit_url(), "label": str(self.instance)},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_page_subtitle(self):
        return f"{self.instance} ({self.translation.target_locale.get_display_name()})"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            translation=self.translation,
            instance=self.instance,
            segments=[
                {
                    "id": st.id,
                    "path": st.context.path,
                    "source": services.as_text(st.translation_of.data),
                    "machine": services.as_text(st.data),
                    "tool": st.tool_name,
                }
                for st in services.unreviewed_machine_segments(self.translation)
            ],
            edit_url=self.translation.get_target_instance_edit_url(),
        )
        return context

    def post(self, request, *args, **kwargs):
        try:
            ids = [int(i) for i in request.POST.getlist("segment")]
        except ValueError:
            messages.error(request, "Invalid segment selection; nothing was approved.")
            return redirect(review_url(self.translation))
        if not ids:
            messages.warning(request, "Select the segments you have reviewed.")
            return redirect(review_url(self.translation))
        count = services.approve_machine_segments(self.translation, request.user, ids)
        messages.success(request, f"Approved {count} machine-translated segment(s).")
        return redirect(review_url(self.translation))


class OutOfStepReportView(WagtailAdminTemplateMixin, TemplateView):
    """Translations whose source page was published after their last sync, with the changes."""

    template_name = "translation/out_of_step.html"
    page_title = "Translations out of step"
    header_icon = "resubmit"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["rows"] = services.out_of_step_report()
        context["draft_rows"] = services.out_of_step_report(drafts=True)
        context["can_sync"] = self.request.user.has_perm("wagtail_localize.submit_translation")
        return context


@require_POST
def sync_source(request: HttpRequest, source_id: int) -> HttpResponse:
    """One-click sync from the report: capture the live source so translators see the changes."""
    if not request.user.has_perm("wagtail_localize.submit_translation"):
        raise PermissionDenied
    source = get_object_or_404(TranslationSource, id=source_id)
    try:
        count = services.sync_source(source)
    except ObjectDoesNotExist:
        messages.error(request, "The source page no longer exists; nothing was synced.")
    else:
        messages.success(
            request,
            f"Synced “{source.object_repr}”: {count} translation(s) now show the new source "
            "text; new and changed segments wait for a translator.",
        )
    return _back(request, reverse("translation:out_of_step"))
