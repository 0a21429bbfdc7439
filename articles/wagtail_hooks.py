"""Admin registration of the articles app's snippets."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Author


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    menu_label = "Authors"
    list_display = ["name", "locale"]
    search_fields = ["name"]
    add_to_admin_menu = True
    menu_order = 210


register_snippet(AuthorViewSet)
