"""Admin wiring for the translation workflow.

URL shadowing: Wagtail resolves admin URLs in hook order, and these hooks are registered with
order=-1 (and this app sits before wagtail_localize in INSTALLED_APPS), so the two patterns under
"localize/" below answer instead of wagtail-localize's own views at the same paths. The editor's
"Translate with ..." form and the "Sync translated pages" button keep working unchanged; they just
reach our error-handling, review-enforcing versions.

Publishing a translation goes through Wagtail's page edit view, whose `before_edit_page` hook
wagtail-localize uses to render its translation editor and to handle the "publish" action
(Translation.save_target). Our hook runs first and refuses that action while machine segments are
unreviewed.
"""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail_localize.models import Translation

from . import services, views


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


def _refuse_unreviewed_publish(request, instance):
    if request.method != "POST" or request.POST.get("action") != "publish":
        return None
    translation = (
        Translation.objects.filter(
            source__object_id=instance.translation_key,
            target_locale_id=instance.locale_id,
            enabled=True,
        )
        .select_related("target_locale")
        .first()
    )
    if translation is None:
        return None
    reason = services.publish_refusal(translation)
    if reason is None:
        return None
    messages.error(request, views.refusal_message(translation, reason))
    return redirect(request.get_full_path())


@hooks.register("before_edit_page", order=-1)
def refuse_unreviewed_machine_publish_page(request, page):
    return _refuse_unreviewed_publish(request, page)


@hooks.register("before_edit_snippet", order=-1)
def refuse_unreviewed_machine_publish_snippet(request, instance):
    if not hasattr(instance, "translation_key"):
        return None
    return _refuse_unreviewed_publish(request, instance)


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
