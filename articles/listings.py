"""What the home page lists: the latest articles and a few from each section."""

from __future__ import annotations

from django.conf import settings
from django.db.models import Count

from core.i18n import Alternate, language_name

from .models import ArticlePage, ArticlePageTag, SectionPage

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
    """Where a tag page's language switch leads: the other language's matching tag.

    Tags are words of their own language ("Energy" / "Энергетика"), so the counterpart is the
    tag most used on the translations of the articles carrying this one (one query per other
    language); without one, the other language's home page.
    """
    alternates = []
    tagged_keys = ArticlePage.objects.filter(tags=tag, locale=home.locale).values("translation_key")
    for code, _name in settings.LANGUAGES:
        if code == home.locale.language_code:
            url = home.url + home.reverse_subpage("tag", args=[tag.slug])
            alternates.append(Alternate(code, language_name(code), url, True))
            continue
        counterpart = (
            ArticlePageTag.objects.filter(
                content_object__translation_key__in=tagged_keys,
                content_object__locale__language_code=code,
                content_object__live=True,
            )
            .values("tag__slug")
            .annotate(uses=Count("id"))
            .order_by("-uses", "tag__slug")
            .first()
        )
        if counterpart:
            url = f"/{code}/" + home.reverse_subpage("tag", args=[counterpart["tag__slug"]])
            alternates.append(Alternate(code, language_name(code), url, True))
        else:
            alternates.append(Alternate(code, language_name(code), f"/{code}/", False))
    return alternates
