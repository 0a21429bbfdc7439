"""Wagtail snippet view sets for the sources models: what their admin listings and forms show.

Not registered here: the newsroom app (newsroom/wagtail_hooks.py) groups them in its "Newsroom"
menu and gives the SourceArticle listing its inbox views, which need articles (sections, the
"Write interpretation" form), something sources may not import.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import ExtractionRule, Feed, FeedRule, Outlet, SourceArticle, Story


class OutletViewSet(SnippetViewSet):
    model = Outlet
    icon = "globe"
    list_display = ["name", "homepage", "language", "locale"]
    search_fields = ["name"]


class FeedViewSet(SnippetViewSet):
    model = Feed
    icon = "link"
    list_display = [
        "url",
        "outlet",
        "active",
        "last_success_at",
        "consecutive_failures",
        "next_poll_at",
    ]
    list_filter = ["active", "outlet"]
    search_fields = ["url", "title"]
    panels = [
        FieldPanel(name)
        for name in ("outlet", "url", "title", "active", "poll_interval_minutes", "fetch_pages")
    ]


class SourceArticleViewSet(SnippetViewSet):
    """Ingested articles: listing columns, search fields and the edit form."""

    model = SourceArticle
    icon = "doc-full"
    list_display = ["title", "outlet", "language", "published_at", "status", "story"]
    search_fields = ["title", "text", "url"]
    panels = [
        FieldPanel(name)
        for name in ("outlet", "url", "title", "language", "published_at", "status", "story")
    ]


class StoryViewSet(SnippetViewSet):
    model = Story
    icon = "folder-open-inverse"
    list_display = ["title", "updated_at", "created_at"]
    search_fields = ["title"]
    panels = [FieldPanel("title")]


class FeedRuleViewSet(SnippetViewSet):
    """Keep/block rules per feed; the pattern is validated (compiles, cannot hang) on save."""

    model = FeedRule
    icon = "filter"
    menu_label = _("Feed rules")
    list_display = ["pattern", "feed", "action", "kind", "target", "active", "last_error"]
    list_filter = ["feed", "action", "active"]
    search_fields = ["pattern"]
    panels = [
        FieldPanel(name) for name in ("feed", "action", "kind", "target", "pattern", "active")
    ]


class ExtractionRuleViewSet(SnippetViewSet):
    """Per-outlet selectors that take precedence over trafilatura (sources/extraction_rules.py)."""

    model = ExtractionRule
    icon = "code"
    menu_label = _("Extraction rules")
    list_display = ["outlet", "active", "last_checked_at", "missed_fields", "last_matched_at"]
    search_fields = ["title", "body"]
    panels = [
        FieldPanel(name)
        for name in ("outlet", "title", "body", "published", "author", "image", "active")
    ]
