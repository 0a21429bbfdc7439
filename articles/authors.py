"""Author pages: who writes here, in each language, and what they wrote.

A byline is a promise that a named person stands behind the text; the page it links to says
who that person is (photo, role, biography) and lists their articles, and its JSON-LD
``Person`` lets search engines connect the two.
"""

from __future__ import annotations

from django.conf import settings
from django.db.models import Q
from django.http import Http404

from core.i18n import Alternate, language_name

from .models import ArticlePage, Author


def authors_to_credit(locale, *, keep=()):
    """The authors an article in this locale may credit: that locale's translations only (the
    editor's chooser must not mix languages); ``keep`` (ids already credited, e.g. from before
    this rule) stays choosable so an old page can still be saved."""
    return Author.objects.filter(Q(locale=locale) | Q(pk__in=list(keep))).order_by("name", "pk")


def author_in(locale, slug: str) -> Author:
    """The author with this slug in this locale, or a 404."""
    author = (
        Author.objects.filter(locale=locale, slug=slug).select_related("photo").order_by("pk")
    ).first()
    if author is None:
        raise Http404("No such author in this language")
    return author


def articles_by(author: Author):
    """The author's published articles in their language, newest first, ready for cards."""
    return (
        ArticlePage.objects.published()
        .filter(locale_id=author.locale_id, authors=author)
        .newest_first()
        .for_cards()
    )


def author_alternates(author: Author, home, request) -> list[Alternate]:
    """The language switch of an author page: the author's translation's page (one query)."""
    translations = {
        a.locale.language_code: a
        for a in Author.objects.filter(translation_key=author.translation_key)
        .exclude(slug="")
        .select_related("locale")
    }
    alternates = []
    for code, _name in settings.LANGUAGES:
        other = translations.get(code)
        if other is not None:
            alternates.append(Alternate(code, language_name(code), other.url_in(code), True))
        else:
            alternates.append(Alternate(code, language_name(code), f"/{code}/", False))
    return alternates


def masthead(locale) -> list[Author]:
    """The newsroom's people in one language, for the about page."""
    return list(Author.objects.filter(locale=locale).exclude(slug="").select_related("photo"))
