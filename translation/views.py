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
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.html import format_html
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail.log_actions import log
from wagtail.models import Page
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.views.edit_translation import (
    apply_machine_translation,
    user_can_edit_instance,
)
from wagtail_localize.views.submit_translations import (
    SubmitPageTranslationView,
    SubmitSnippetTranslationView,
)
from wagtail_localize.views.update_translations import UpdateTranslationsView

from . import completeness, services
from .machine.base import MachineTranslationError

NO_MACHINE_TRANSLATION = (
    "No machine translation is configured: set LIBRETRANSLATE_URL or DEEPL_API_KEY to offer "
    "“Translate with …” here (see docs/translation.md). Translate the segments by hand."
)
#: POST field of the explicit "publish with the untranslated text" confirmation.
CONFIRM_UNTRANSLATED = "newsdesk_confirm_untranslated"
UNTRANSLATED_ACTION = "translation.publish_untranslated"


def _back(request: HttpRequest, fallback: str) -> HttpResponse:
    return redirect(get_valid_next_url_from_request(request) or fallback)


def review_url(translation: Translation) -> str:
    return reverse("translation:review_machine", args=[translation.id])


def refusal_message(translation: Translation, reason: str):
    """The publish refusal with a link to the review screen (safe HTML for admin messages)."""
    return format_html(
        '{} <a href="{}">Review machine translations</a>', reason, review_url(translation)
    )


def untranslated_confirmed(request: HttpRequest, instance) -> bool:
    """True when the editor explicitly confirmed publishing untranslated segments and may
    publish `instance` at all (the confirmation is logged, so it must come from a publisher)."""
    if request.POST.get(CONFIRM_UNTRANSLATED) != "1":
        return False
    if isinstance(instance, Page):
        return instance.permissions_for_user(request.user).can_publish()
    return request.user.is_superuser or request.user.has_perm(
        get_permission_name("publish", type(instance))
    )


def untranslated_refusal_message(request: HttpRequest, reason: str):
    """The refusal with the explicit confirmation: a button posting the same publish action."""
    return format_html(
        '{} <form method="post" action="{}" data-confirm-untranslated class="u-inline">'
        '<input type="hidden" name="csrfmiddlewaretoken" value="{}">'
        '<input type="hidden" name="action" value="publish">'
        '<input type="hidden" name="{}" value="1">'
        '<button type="submit" class="button button-small button-secondary">'
        "Publish anyway, with the untranslated text</button></form>",
        reason,
        request.get_full_path(),
        get_token(request),
        CONFIRM_UNTRANSLATED,
    )


def log_untranslated_publication(request: HttpRequest, instance, translation: Translation) -> None:
    """Record who let which untranslated segments reach readers (shown in the page history)."""
    missing = completeness.untranslated_segments(translation)
    log(
        instance=instance,
        action=UNTRANSLATED_ACTION,
        user=request.user,
        data={
            "locale": translation.target_locale.get_display_name(),
            "segments": completeness.untranslated_labels(translation, missing),
        },
    )


class PreselectingSubmitMixin:
    """wagtail-localize's "Translate this page" form with the only possible target ticked.

    The form lists the locales without a translation yet; when exactly one is left (always, on
    a two-language site) it is preselected, unless the link already chose one (?select_locale).
    """

    def get_form(self):
        form = super().get_form()
        if self.request.method != "POST" and not form.initial.get("locales"):
            choices = list(form.fields["locales"].queryset[:2])
            if len(choices) == 1:
                form.initial["locales"] = choices
        return form


class PreselectingSubmitPageTranslationView(PreselectingSubmitMixin, SubmitPageTranslationView):
    pass


class PreselectingSubmitSnippetTranslationView(
    PreselectingSubmitMixin, SubmitSnippetTranslationView
):
    pass


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
        try:
            # The parent's form_valid runs in a transaction; this outer one also rolls back the
            # sync and the publication (its on_commit callbacks) when the result is refused.
            with transaction.atomic():
                before = completeness.snapshot(self.object)
                response = super().form_valid(form)
                completeness.carry_previous_translations(self.object, before)
                if form.cleaned_data.get("publish_translations"):
                    self._refuse_what_cannot_be_published()
        except MachineTranslationError as err:
            messages.error(self.request, f"{err} The translations were not synced.")
            return self.render_to_response(self.get_context_data())
        except _Refused as refused:
            list(messages.get_messages(self.request))  # drop the parent's "synced" message
            messages.error(
                self.request,
                refusal_message(
                    refused.translation, f"{refused.reason} Nothing was synced or published."
                ),
            )
            return self.render_to_response(self.get_context_data())
        return response

    def _refuse_what_cannot_be_published(self) -> None:
        for translation in self.object.translations.filter(enabled=True).select_related(
            "source", "source__locale", "target_locale"
        ):
            reason = services.publish_refusal(translation)
            if reason:
                raise _Refused(translation, reason)


class _Refused(Exception):
    def __init__(self, translation: Translation, reason: str):
        super().__init__(reason)
        self.translation, self.reason = translation, reason


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
