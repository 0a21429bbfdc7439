"""What the home page lists: the latest articles and a few from each section."""

from __future__ import annotations

from .models import ArticlePage, SectionPage

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
