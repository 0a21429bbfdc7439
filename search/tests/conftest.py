"""Fixtures for search tests: a two-language site with sections, and article factories."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from django.utils import timezone
from django.utils.html import escape

from articles.creation import ascii_slug, create_article, home_for
from articles.models import ArticlePage, SectionPage
from search import query


class SiteTree:
    def __init__(self):
        self.homes = {lang: home_for(lang) for lang in ("en", "ru")}
        self.sections: dict[tuple[str, str], SectionPage] = {}

    def section(self, title: str, language: str) -> SectionPage:
        key = (title, language)
        if key not in self.sections:
            section = SectionPage(
                title=title, slug=ascii_slug(title), locale=self.homes[language].locale
            )
            self.homes[language].add_child(instance=section)
            section.save_revision().publish()
            self.sections[key] = section
        return self.sections[key]

    def article(
        self,
        title: str,
        body: str | list[str],
        *,
        language: str = "ru",
        section: str = "World",
        published_at: datetime | None = None,
        dek: str = "",
        publish: bool = True,
    ) -> ArticlePage:
        parent = self.section(section, language)
        paragraphs = [body] if isinstance(body, str) else body
        return create_article(
            section=parent,
            title=title,
            slug=ascii_slug(title) + f"-{ArticlePage.objects.count() + 1}",
            dek=dek or title,
            body=json.dumps(
                [{"type": "paragraph", "value": f"<p>{escape(p)}</p>"} for p in paragraphs],
                ensure_ascii=False,
            ),
            display_date=published_at,
            publish=publish,
        )


@pytest.fixture(autouse=True)
def fresh_archive_stats():
    """The ranking's per-process archive statistics belong to one test's articles."""
    query.forget_archive_stats()
    yield
    query.forget_archive_stats()


@pytest.fixture
def site(db) -> SiteTree:
    return SiteTree()


def aware(year: int, month: int, day: int) -> datetime:
    return timezone.make_aware(datetime(year, month, day, 12, 0))
