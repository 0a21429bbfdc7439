"""`make_*` helpers that build a small bilingual site for tests, with sensible defaults.

Each helper takes overrides as keyword arguments; nothing here touches the network. Articles
are made by ``articles.creation.create_article``, the service every other entry point uses, so
tests exercise the same creation path as the newsroom, the importer and the demo.
"""

from __future__ import annotations

import json
from datetime import datetime

from wagtail.models import Page, Site

from articles.creation import create_article
from articles.models import ArticlePage, Author, HomePage, SectionPage
from core.testing.factories import make_locales, next_number
from sources.models import SourceArticle
from sources.testing.factories import make_source_article


def make_site() -> dict[str, HomePage]:
    """English home page as the default site's root, with its Russian translation beside it."""
    locales = make_locales()
    existing = HomePage.objects.filter(locale=locales["en"], depth=2).first()
    if existing is not None:
        return {
            "en": existing,
            "ru": HomePage.objects.get(
                locale=locales["ru"], translation_key=existing.translation_key
            ),
        }
    root = Page.get_first_root_node()
    Page.objects.filter(depth=2, content_type__model="page").delete()
    home_en = root.add_child(instance=HomePage(title="Newsdesk", slug="home", locale=locales["en"]))
    home_en.save_revision().publish()
    home_ru = root.add_child(
        instance=HomePage(
            title="Newsdesk",
            slug="home-ru",
            locale=locales["ru"],
            translation_key=home_en.translation_key,
        )
    )
    home_ru.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home_en},
    )
    return {"en": home_en, "ru": home_ru}


def _publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def make_section(language: str = "en", title: str | None = None, translation_of=None, **kw):
    homes = make_site()
    n = next_number()
    section = SectionPage(
        title=title or f"Section {n}",
        slug=kw.pop("slug", f"section-{n}"),
        locale=homes[language].locale,
        **kw,
    )
    if translation_of is not None:
        section.translation_key = translation_of.translation_key
    homes[language].add_child(instance=section)
    return _publish(section)


def make_author(name: str | None = None, language: str = "en", **kw) -> Author:
    return Author.objects.create(
        name=name or f"Author {next_number()}", locale=make_locales()[language], **kw
    )


def body_blocks(*paragraphs: str, subheading: str | None = "A subheading") -> str:
    """A StreamField body as raw JSON: paragraphs with an optional subheading after the first."""
    blocks = []
    for i, text in enumerate(paragraphs):
        blocks.append({"type": "paragraph", "value": f"<p>{text}</p>"})
        if i == 0 and subheading:
            blocks.append({"type": "subheading", "value": subheading})
    return json.dumps(blocks, ensure_ascii=False)


def make_article(
    section: SectionPage | None = None,
    *,
    language: str = "en",
    title: str | None = None,
    body: str | None = None,
    sources: list[SourceArticle] | None = None,
    authors: list[Author] | None = None,
    tags: list[str] | None = None,
    lead_image=None,
    published_at: datetime | None = None,
    translation_of: ArticlePage | None = None,
    live: bool = True,
    **kw,
) -> ArticlePage:
    """A published article (by default) with one source, under `section` or a new one."""
    section = section or make_section(language=language)
    n = next_number()
    return create_article(
        section=section,
        title=title or f"Article {n}",
        slug=kw.pop("slug", f"article-{n}"),
        dek=kw.pop("dek", f"Teaser of article {n}."),
        body=body or body_blocks("Some words of the body. " * 20),
        sources=sources if sources is not None else [make_source_article()],
        authors=authors or [],
        tags=tags or [],
        lead_image=lead_image,
        translation_of=translation_of,
        publish=live,
        published_at=published_at,
        **kw,
    )
