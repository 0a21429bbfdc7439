"""What the home page lists: the latest articles and a few from each section."""

from __future__ import annotations

from django.conf import settings

from core.i18n import Alternate, language_name

from .models import ArticlePage, SectionPage
from .tag_translations import counterparts

LATEST_COUNT = 6
PER_SECTION_COUNT = 4


def home_listing(home) -> dict:
    """Latest articles of the home page's language, then per-section lists.

    One query for the latest list, one for the sections, one per section: the number of
    sections is small and fixed by the editors, not by the number of articles.
    """
    published = ArticlePage.objects.published().descendant_of(home)
    latest = list(published.newest_first().for_cards()[:LATEST_COUNT])
    shown = {a.pk for a in latest}
    sections = []
    for section in SectionPage.objects.live().public().child_of(home).specific():
        articles = [
            a
            for a in published.child_of(section)
            .newest_first()
            .for_cards()[: PER_SECTION_COUNT + len(shown)]
            if a.pk not in shown
        ][:PER_SECTION_COUNT]
        sections.append({"section": section, "articles": articles})
    return {"latest": latest, "sections": sections}


def tag_alternates(tag, home, request) -> list[Alternate]:
    """Where a tag page's language switch and hreflang lead: the other language's linked tag
    (articles/models/tags.py), when one exists and has articles there; else that language's
    home page, marked as no translation so no hreflang claims it."""
    linked = counterparts(tag)
    alternates = []
    for code, _name in settings.LANGUAGES:
        if code == home.locale.language_code:
            url = home.url + home.reverse_subpage("tag", args=[tag.slug])
            alternates.append(Alternate(code, language_name(code), url, True))
            continue
        other = linked.get(code)
        if other is not None and other.pk != tag.pk and has_articles(other, code):
            url = f"/{code}/" + home.reverse_subpage("tag", args=[other.slug])
            alternates.append(Alternate(code, language_name(code), url, True))
        else:
            alternates.append(Alternate(code, language_name(code), f"/{code}/", False))
    return alternates


def has_articles(tag, language: str) -> bool:
    """Whether the tag's page in `language` exists (it is a 404 without articles)."""
    return ArticlePage.objects.published().filter(tags=tag, locale__language_code=language).exists()
