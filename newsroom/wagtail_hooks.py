"""Admin of the newsroom: outlets, feeds, the inbox of ingested articles, stories and reports.

The URL namespace stays ``sources_newsroom`` (and the paths /admin/newsroom/...) from before the
newsroom app existed, so bookmarks and links keep working.
"""

from django.contrib import messages
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import HelpPanel
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from articles.models import ArticlePage
from sources.viewsets import (
    ExtractionRuleViewSet,
    FeedRuleViewSet,
    FeedViewSet,
    OutletViewSet,
    SourceArticleViewSet,
    StoryViewSet,
)

from . import (
    admin_views,
    calendar_views,
    extraction_preview,
    inbox_views,
    report_views,
    source_watch_views,
    watch_views,
)
from .inbox import mark_linked_sources_used, slug_follows_title
from .models import Watch


class InboxViewSet(SourceArticleViewSet):
    """The newsroom inbox: filter, search, open an article, start an interpretation."""

    menu_label = _("Inbox")
    filterset_class = inbox_views.InboxFilterSet
    index_view_class = inbox_views.InboxIndexView
    inspect_view_enabled = True
    inspect_view_class = admin_views.SourceArticleInspectView


class ExtractionRuleAdmin(ExtractionRuleViewSet):
    """The rule form gets "Preview on the latest article" (newsroom/extraction_preview.py)."""

    panels = [
        *ExtractionRuleViewSet.panels,
        HelpPanel(template="newsroom/admin/extraction_preview_button.html"),
    ]


class NewsroomGroup(SnippetViewSetGroup):
    items = (
        InboxViewSet,
        StoryViewSet,
        OutletViewSet,
        FeedViewSet,
        FeedRuleViewSet,
        ExtractionRuleAdmin,
    )
    menu_label = _("Newsroom")
    menu_icon = "globe"
    menu_order = 200
    submenu_hook = "register_newsroom_menu_item"


register_snippet(NewsroomGroup)
# Watches are personal: whoever may read the inbox keeps their own (watch_views.py).
register_permission_policy(Watch, watch_views.WatchPermissionPolicy(Watch))


newsroom_urls = [
    path("write/<int:pk>/", admin_views.write_interpretation, name="write"),
    path("status/<int:pk>/", admin_views.change_status, name="status"),
    path("status/<int:pk>/undo/", admin_views.undo_dismiss_view, name="undo_dismiss"),
    path("watch-matches/seen/", watch_views.matches_seen, name="watch_matches_seen"),
    path(
        "extraction-rules/preview/",
        extraction_preview.extraction_preview,
        name="extraction_preview",
    ),
    path("calendar/", calendar_views.EditorialCalendarView.as_view(), name="calendar"),
    path("feed-health/", report_views.FeedHealthView.as_view(), name="feed_health"),
    path("source-updates/", source_watch_views.SourceUpdatesView.as_view(), name="source_updates"),
    path(
        "source-updates/<int:page_pk>/write-correction/",
        source_watch_views.write_correction,
        name="write_correction",
    ),
    path(
        "source-updates/<int:link_pk>/reviewed/",
        report_views.source_update_reviewed,
        name="source_update_reviewed",
    ),
]


@hooks.register("register_admin_urls")
def register_newsroom_urls():
    return [
        path(
            "newsroom/", include((newsroom_urls, "sources_newsroom"), namespace="sources_newsroom")
        )
    ]


class _PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_newsroom_menu_item")
def register_calendar_menu_item():
    return _PermissionMenuItem(
        _("Editorial calendar"),
        reverse("sources_newsroom:calendar"),
        name="editorial-calendar",
        icon_name="date",
        order=50,
        permission=calendar_views.PERMISSION,
    )


@hooks.register("register_reports_menu_item")
def register_feed_health_report():
    return _PermissionMenuItem(
        _("Feed health"),
        reverse("sources_newsroom:feed_health"),
        name="feed-health",
        icon_name="warning",
        order=950,
        permission="sources.view_feed",
    )


@hooks.register("register_reports_menu_item")
def register_source_updates_report():
    return _PermissionMenuItem(
        _("Sources updated"),
        reverse("sources_newsroom:source_updates"),
        name="source-updates",
        icon_name="history",
        order=960,
        permission="sources.view_sourcearticle",
    )


@hooks.register("before_edit_page")
def warn_about_updated_sources(request, page):
    """Tell the editor, in the editor, when an outlet changed a source after publication."""
    if request.method != "GET":
        return None
    links = getattr(page.specific, "source_links", None)
    if links is None:
        return None
    for link in links.filter(source_updated_at__isnull=False).select_related("source_article"):
        messages.warning(
            request,
            format_html(
                '{} <a href="{}">{}</a>',
                _("The outlet changed the source “%(title)s” since this article was published.")
                % {"title": link.source_article.title},
                reverse("sources_newsroom:source_updates"),
                _("See the differences"),
            ),
        )
    return None


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def mark_sources_used(request, page):
    """An interpretation saved with sources linked (in the editor too) makes them "used"."""
    if isinstance(page.specific, ArticlePage):
        mark_linked_sources_used(page.specific)
        slug_follows_title(page.specific)


@hooks.register("register_admin_viewset")
def register_watch_viewset():
    return watch_views.WatchViewSet("watches")


@hooks.register("construct_homepage_panels")
def add_watch_matches_panel(request, panels):
    """New source articles matching the editor's watches, on their dashboard."""
    if watch_views.may_use_inbox(request.user):
        panels.append(watch_views.WatchMatchesPanel(request.user))
