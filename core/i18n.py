"""Which URL shows the same content in each language (language switch and hreflang)."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import get_language, get_language_info
from wagtail.models import Locale, Page


@dataclass(frozen=True)
class Alternate:
    language: str
    name: str
    url: str
    is_translation: bool  # False when we fall back to the other language's home page


def language_name(code: str) -> str:
    return get_language_info(code)["name_local"]


def swap_language_prefix(path: str, language: str) -> str:
    """/en/search/?q=x -> /ru/search/?q=x for views that are not Wagtail pages."""
    parts = path.split("/", 2)
    codes = {code for code, _ in settings.LANGUAGES}
    if len(parts) >= 2 and parts[1] in codes:
        rest = parts[2] if len(parts) > 2 else ""
        return f"/{language}/{rest}"
    return f"/{language}{path}"


def page_alternates(page: Page, request: HttpRequest) -> list[Alternate]:
    """Live translations of `page`, one per configured language, in one query.

    A language with no live translation points to that language's home page, so the switch
    never leads to a 404.
    """
    translations = {
        p.locale.language_code: p
        for p in Page.objects.live()
        .public()
        .filter(translation_key=page.translation_key)
        .select_related("locale")
    }
    alternates = []
    for code, _name in settings.LANGUAGES:
        target = translations.get(code)
        if target is not None:
            url = target.get_url(request)
        else:
            url = f"/{code}/"
        alternates.append(Alternate(code, language_name(code), url, target is not None))
    return alternates


def path_alternates(request: HttpRequest) -> list[Alternate]:
    """Alternates for a non-page view: the same path and query under the other prefix."""
    full_path = request.get_full_path()
    return [
        Alternate(code, language_name(code), swap_language_prefix(full_path, code), True)
        for code, _name in settings.LANGUAGES
    ]


def current_locale() -> Locale:
    return Locale.get_active()


def active_language() -> str:
    return (get_language() or settings.LANGUAGE_CODE)[:2]
