"""Admin registration of the articles app: snippets, the withdraw/restore actions, log actions."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.widgets import Button
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_views import RestoreView, WithdrawView
from .models import ArticlePage, Author, TagTranslation
from .withdrawals import RESTORE_ACTION, WITHDRAW_ACTION, can_withdraw, is_withdrawn


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    menu_label = "Authors"
    list_display = ["name", "locale"]
    search_fields = ["name"]
    add_to_admin_menu = True
    menu_order = 210


register_snippet(AuthorViewSet)


class TagTranslationViewSet(SnippetViewSet):
    """Editors link a tag to its translation here; tag pages' language switch follows it."""

    model = TagTranslation
    icon = "tag"
    menu_label = "Tag translations"
    list_display = ["tag", "language", "translation_of"]
    list_filter = ["language"]
    search_fields = ["tag__name"]
    add_to_admin_menu = True
    menu_order = 215
    panels = [FieldPanel("tag"), FieldPanel("language"), FieldPanel("translation_of")]


register_snippet(TagTranslationViewSet)


@hooks.register("register_admin_urls")
def withdrawal_urls():
    return [
        path("articles/<int:page_id>/withdraw/", WithdrawView.as_view(), name="articles_withdraw"),
        path("articles/<int:page_id>/restore/", RestoreView.as_view(), name="articles_restore"),
    ]


def _withdrawal_button(page, user, priority: int):
    if not isinstance(page, ArticlePage) or not can_withdraw(user):
        return None
    if page.live:
        url = reverse("articles_withdraw", args=[page.pk])
        return Button(_("Withdraw…"), url, icon_name="warning", priority=priority)
    if is_withdrawn(page):
        url = reverse("articles_restore", args=[page.pk])
        return Button(_("Restore withdrawn"), url, icon_name="undo", priority=priority)
    return None


@hooks.register("register_page_header_buttons")
def withdrawal_header_button(page, user, view_name, next_url=None):
    if (button := _withdrawal_button(page, user, 62)) is not None:
        yield button


@hooks.register("register_page_listing_more_buttons")
def withdrawal_listing_button(page, user, next_url=None):
    if (button := _withdrawal_button(page, user, 42)) is not None:
        yield button


@hooks.register("register_log_actions")
def withdrawal_log_actions(actions):
    @actions.register_action(WITHDRAW_ACTION)
    class Withdrawn(LogFormatter):
        label = _("Withdraw article")

        def format_message(self, log_entry):
            return _("Withdrawn: %(reason)s") % {"reason": log_entry.data.get("reason", "")}

    @actions.register_action(RESTORE_ACTION)
    class Restored(LogFormatter):
        label = _("Restore withdrawn article")

        def format_message(self, log_entry):
            note = log_entry.data.get("note") or ""
            return _("Restored (withdrawn for: %(reason)s). %(note)s") % {
                "reason": log_entry.data.get("reason", ""),
                "note": note,
            }
