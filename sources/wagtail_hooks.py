"""Admin registration of outlets and their original articles."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Outlet, SourceArticle


class OutletViewSet(SnippetViewSet):
    model = Outlet
    icon = "globe"
    list_display = ["name", "homepage", "language", "locale"]
    search_fields = ["name"]


class SourceArticleViewSet(SnippetViewSet):
    model = SourceArticle
    icon = "doc-full"
    list_display = ["title", "outlet", "language", "published_at"]
    list_filter = ["language"]
    search_fields = ["title", "url"]


class SourcesGroup(SnippetViewSetGroup):
    items = (OutletViewSet, SourceArticleViewSet)
    menu_label = "Sources"
    menu_icon = "globe"
    menu_order = 200


register_snippet(SourcesGroup)
