"""Admin wiring for the translation workflow.

URL shadowing: Wagtail resolves admin URLs in hook order, and these hooks are registered with
order=-1 (and this app sits before wagtail_localize in INSTALLED_APPS), so the two patterns under
"localize/" below answer instead of wagtail-localize's own views at the same paths. The editor's
"Translate with ..." form and the "Sync translated pages" button keep working unchanged; they just
reach our error-handling, review-enforcing versions.

Publishing a translation goes through Wagtail's page edit view, whose `before_edit_page` hook
wagtail-localize uses to render its translation editor and to handle the "publish" action
(Translation.save_target). Our hook runs first: it fills the segments that need no translator,
and refuses that action while machine segments are unreviewed or segments are untranslated (the
latter unless the editor confirmed, which is logged). The submit views are shadowed the same way,
to preselect the only target locale.
"""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail.log_actions import LogFormatter
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import Translation

from . import completeness, services, views


@hooks.register("register_log_actions")
def translation_log_actions(actions):
    @actions.register_action(views.UNTRANSLATED_ACTION)
    class PublishedUntranslated(LogFormatter):
        label = "Publish translation with untranslated segments"

        def format_message(self, log_entry):
            data = log_entry.data or {}
            return "Published in {} with untranslated segments, confirmed: {}".format(
                data.get("locale", "?"), "; ".join(data.get("segments", []))
            )


@hooks.register("register_admin_urls", order=-1)
def register_admin_urls():
    own = [
        path("out-of-step/", views.OutOfStepReportView.as_view(), name="out_of_step"),
        path("sync/<int:source_id>/", views.sync_source, name="sync_source"),
        path(
            "review/<int:translation_id>/",
            views.MachineReviewView.as_view(),
            name="review_machine",
        ),
    ]
    return [
        path(
            "localize/submit/page/<int:page_id>/",
            views.PreselectingSubmitPageTranslationView.as_view(),
            name="newsdesk_submit_page_translation",
        ),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            views.PreselectingSubmitSnippetTranslationView.as_view(),
            name="newsdesk_submit_snippet_translation",
        ),
        path(
            "localize/translate/<int:translation_id>/machine_translate/",
            views.machine_translate,
            name="newsdesk_machine_translate",
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            views.GuardedUpdateTranslationsView.as_view(),
            name="newsdesk_update_translations",
        ),
        path("translation/", include((own, "translation"), namespace="translation")),
    ]


def _active_translation(instance) -> Translation | None:
    """The enabled wagtail-localize translation whose target is `instance`, if any."""
    return (
        Translation.objects.filter(
            source__object_id=instance.translation_key,
            target_locale_id=instance.locale_id,
            enabled=True,
        )
        .select_related("target_locale")
        .first()
    )


def _remind_of_unreviewed(request, translation: Translation) -> None:
    """Machine output is marked per segment in the editor; this says how much is left, with
    a link to the review screen, every time the translation editor opens."""
    count = services.unreviewed_machine_segments(translation).count()
    if count:
        noun = "segment awaits" if count == 1 else "segments await"
        messages.warning(
            request,
            views.refusal_message(
                translation, f"{count} machine-translated {noun} review before publishing."
            ),
        )


def _editor_opened(request, translation: Translation) -> None:
    """Each time the translation editor opens: fill what needs no translator, and say what is
    missing (the machine backend, reviews)."""
    completeness.fill_derived_segments(translation)
    if get_machine_translator() is None:
        messages.info(request, views.NO_MACHINE_TRANSLATION)
    _remind_of_unreviewed(request, translation)


def _refuse_unreviewed_publish(request, instance):
    if request.method == "GET":
        translation = _active_translation(instance)
        if translation is not None:
            _editor_opened(request, translation)
        return None
    if request.method != "POST" or request.POST.get("action") != "publish":
        return None
    translation = _active_translation(instance)
    if translation is None:
        return None
    # The translator may have translated the title in this session without reloading.
    completeness.fill_derived_segments(translation)
    # Machine output first: confirming untranslated text does not cover unreviewed machine text.
    reason = services.publish_refusal(translation, untranslated_confirmed=True)
    if reason is not None:
        messages.error(request, views.refusal_message(translation, reason))
        return redirect(request.get_full_path())
    reason = services.untranslated_refusal(translation)
    if reason is None:
        return None
    if views.untranslated_confirmed(request, instance):
        views.log_untranslated_publication(request, instance, translation)
        return None
    messages.error(request, views.untranslated_refusal_message(request, reason))
    return redirect(request.get_full_path())


@hooks.register("before_edit_page", order=-1)
def refuse_unreviewed_machine_publish_page(request, page):
    return _refuse_unreviewed_publish(request, page)


@hooks.register("before_edit_snippet", order=-1)
def refuse_unreviewed_machine_publish_snippet(request, instance):
    if not hasattr(instance, "translation_key"):
        return None
    return _refuse_unreviewed_publish(request, instance)


@hooks.register("before_bulk_action", order=-1)
def refuse_unreviewed_machine_bulk_publish(request, action_type, objects, action_class_instance):
    """Bulk "Publish" in the page listing publishes latest revisions, which may be translation
    drafts saved with machine text (e.g. when a page is re-submitted for translation)."""
    if action_type != "publish":
        return None
    for instance in objects:
        if not hasattr(instance, "translation_key"):
            continue
        translation = _active_translation(instance)
        reason = translation and services.publish_refusal(translation)
        if reason:
            messages.error(request, views.refusal_message(translation, f"“{instance}”: {reason}"))
            return redirect(
                get_valid_next_url_from_request(request) or reverse("wagtailadmin_home")
            )
    return None


class OutOfStepMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("wagtailadmin.access_admin")


@hooks.register("register_reports_menu_item")
def register_out_of_step_report_menu_item():
    return OutOfStepMenuItem(
        "Translations out of step",
        reverse("translation:out_of_step"),
        icon_name="resubmit",
        order=9010,
    )
