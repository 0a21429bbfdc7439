"""Admin registration of the articles app's snippets."""

from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Author, TagTranslation


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
